package dev.foyer.portal;

import java.util.List;

import dev.foyer.files.FileStorage;
import dev.foyer.portal.LeakWorld.Project;
import dev.foyer.portal.LeakWorld.User;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 item 12: the crawl bites. This context's pages read through a {@link PortalReads} whose
 * rules a test can weaken (a test-only bean; production has no such switch): ignoring "Show on
 * portal" makes the project and task-list pages render unshared items' titles, ignoring field rights
 * renders hidden fields, ignoring membership lists other people's projects. The crawl, unchanged,
 * must report each as a leak. Its e-mail check must report a forbidden name in a message.
 */
@FoyerWebTest
class PortalCrawlCatchesLeaksTest {

    enum Weakness { NONE, IGNORE_SHOW_ON_PORTAL, IGNORE_FIELD_RIGHTS, IGNORE_MEMBERSHIP }

    /** The rules, standard until a test weakens them. */
    static final class SwitchableRules extends VisibilityRules {
        volatile Weakness weakness = Weakness.NONE;

        @Override
        Clause shown(String sharedColumn) {
            return weakness == Weakness.IGNORE_SHOW_ON_PORTAL ? Clause.of("ACC-4", Clause.TRUE, "portal.explain.shown")
                    : super.shown(sharedColumn);
        }

        @Override
        Clause fileShown(String sharedColumn) {
            return weakness == Weakness.IGNORE_SHOW_ON_PORTAL ? Clause.of("ACC-7", Clause.TRUE, "portal.explain.fileShown")
                    : super.fileShown(sharedColumn);
        }

        @Override
        boolean shows(PortalViewer viewer, PortalField field) {
            return weakness == Weakness.IGNORE_FIELD_RIGHTS || super.shows(viewer, field);
        }

        @Override
        boolean eventDescriptions(PortalViewer viewer) {
            return weakness == Weakness.IGNORE_FIELD_RIGHTS || super.eventDescriptions(viewer);
        }

        @Override
        Clause membership(MembershipKind kind, String idColumn) {
            return weakness == Weakness.IGNORE_MEMBERSHIP ? Clause.of("ACC-3", Clause.TRUE, "portal.explain.member")
                    : super.membership(kind, idColumn);
        }
    }

    static final SwitchableRules RULES = new SwitchableRules();

    @TestConfiguration
    static class Weakenable {
        @Bean
        @Primary
        PortalReads weakenablePortalReads(JdbcClient jdbc, PortalViewers viewers, PlatformTransactionManager transactions) {
            return new PortalReads(jdbc, viewers, transactions, RULES);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbcTemplate;
    @Autowired FileStorage storage;

    private static LeakWorld world;

    private LeakWorld world() {
        if (world == null) {
            world = LeakWorld.generate(PortalCrawlLeakTest.SEED_BASE + 1, jdbcTemplate);
            world.writeFileBytes(storage);
            PortalCrawlLeakTest.accounts(world, jdbcTemplate);
        }
        return world;
    }

    @AfterEach
    void restore() {
        RULES.weakness = Weakness.NONE;
    }

    @Test
    void pagesThatRenderUnsharedItemsAreReportedAsLeaks() throws Exception {
        assertCaught(Weakness.IGNORE_SHOW_ON_PORTAL);
    }

    @Test
    void pagesThatRenderFieldsTheUserTypeHidesAreReportedAsLeaks() throws Exception {
        assertCaught(Weakness.IGNORE_FIELD_RIGHTS);
    }

    @Test
    void pagesThatListOtherPeoplesProjectsAndTicketsAreReportedAsLeaks() throws Exception {
        assertCaught(Weakness.IGNORE_MEMBERSHIP);
    }

    @Test
    void anEmailNamingAProjectTheRecipientMayNotSeeIsReportedAsALeak() {
        LeakWorld w = world();
        User user = w.users.getFirst();
        LeakOracle oracle = new LeakOracle(w, user);
        Project hidden = w.projects.stream().filter(p -> !oracle.sees(p)).findFirst().orElseThrow();
        String own = w.names.get(user.contact());

        assertThat(LeakCrawl.mail(w, user, List.of("Hello " + own + ", welcome to " + w.names.get(user.portal()))))
                .isEmpty();
        assertThat(LeakCrawl.mail(w, user, List.of("Hello " + own + ", you were added to " + hidden.name())))
                .singleElement().asString().startsWith("seed " + w.seed + ": ").contains(hidden.name());
    }

    /**
     * ACC-10: a page that answers an invisible project's id unlike an unknown one (here a 403 saying
     * the record exists, put in front of the real answers) is reported, and so is a crawl that finds
     * nothing (coverage): a portal whose pages link nothing cannot pass.
     */
    @Test
    void anInvisibleIdAnsweringUnlikeAnUnknownOneAndACrawlThatReachesNothingAreReported() throws Exception {
        LeakWorld w = world();
        User user = w.users.stream().filter(u -> {
            LeakOracle oracle = new LeakOracle(w, u);
            return u.status() == PortalUserStatus.ACTIVE && oracle.active()
                    && w.projects.stream().anyMatch(oracle::sees) && w.projects.stream().anyMatch(p -> !oracle.sees(p));
        }).findFirst().orElseThrow();
        LeakOracle oracle = new LeakOracle(w, user);
        Project hidden = w.projects.stream().filter(p -> !oracle.sees(p)).findFirst().orElseThrow();
        var real = PortalCrawlLeakTest.signIn(mvc, w);

        LeakCrawl telling = LeakCrawl.one(w, user, u -> {
            var fetcher = real.apply(u);
            return path -> path.endsWith("/projects/" + hidden.id())
                    ? new dev.foyer.test.PortalCrawler.Fetched(path, 403, "text/html", null, "<p>Forbidden</p>")
                    : fetcher.get(path);
        });
        assertThat(telling.failures()).singleElement().asString()
                .contains("ACC-10: /p/" + w.slug(user.portal()) + "/projects/" + hidden.id() + " answered 403");

        LeakCrawl blind = LeakCrawl.one(w, user, u -> {
            var fetcher = real.apply(u);
            return path -> {
                var answer = fetcher.get(path);
                // The dashboard as a page that links nothing.
                return path.equals("/p/" + w.slug(user.portal()) + "/")
                        ? new dev.foyer.test.PortalCrawler.Fetched(path, 200, "text/html", null, "<p>Welcome</p>") : answer;
            };
        });
        assertThat(blind.failures()).isNotEmpty().allMatch(f -> f.contains("never reached") || f.contains("no crawled page shows"));
    }

    private void assertCaught(Weakness weakness) throws Exception {
        LeakWorld w = world();
        RULES.weakness = weakness;
        LeakCrawl crawl = LeakCrawl.firstFailure(w, PortalCrawlLeakTest.signIn(mvc, w));
        assertThat(crawl.failures()).as("the crawl must report %s", weakness).isNotEmpty();
        assertThat(crawl.failures().getFirst()).startsWith("seed " + w.seed + ": ");
        assertThat(crawl.failures()).anyMatch(f -> f.contains("forbidden canaries"));
    }
}
