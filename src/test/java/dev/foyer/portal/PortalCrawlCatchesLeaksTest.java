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

    private void assertCaught(Weakness weakness) throws Exception {
        LeakWorld w = world();
        RULES.weakness = weakness;
        LeakCrawl crawl = LeakCrawl.firstFailure(w, PortalCrawlLeakTest.signIn(mvc, w));
        assertThat(crawl.failures()).as("the crawl must report %s", weakness).isNotEmpty();
        assertThat(crawl.failures().getFirst()).startsWith("seed " + w.seed + ": ");
        assertThat(crawl.failures()).anyMatch(f -> f.contains("forbidden canaries"));
    }
}
