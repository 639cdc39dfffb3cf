package dev.foyer.portal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.LongStream;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.files.FileStorage;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.LeakWorld.Project;
import dev.foyer.portal.LeakWorld.User;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.test.PortalCrawler;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 7 item 12, the crawling leak suite: for every ACTIVE portal user of generated organizations
 * ({@link LeakWorld}), the portal is crawled through the whole web stack — the {@code /p/**} security
 * chain, controllers, templates, downloads — and held to the leak suite's zero-leak bar
 * ({@link LeakCrawl}); the e-mails each generated user receives get the same check. 2 seeds in every
 * build (the suite's time on two cores); {@code -Dfoyer.crawl.seeds=N} crawls N, {@code -Dfoyer.crawl.seed=S} replays one.
 */
@FoyerWebTest
class PortalCrawlLeakTest {

    /**
     * Seeds of this suite are offset from {@link VisibilityLeakTest}'s, so their rows never meet should
     * both ever run on one database (canaries carry the seed, so a failure names the one to replay).
     */
    static final long SEED_BASE = 700_000;
    private static final Map<Long, LeakWorld> WORLDS = new ConcurrentHashMap<>();

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbcTemplate;
    @Autowired JdbcClient jdbc;
    @Autowired FileStorage storage;
    @Autowired PortalMemberships memberships;
    @Autowired Invitations invitations;

    static List<Long> seeds(String defaultCount) {
        String one = System.getProperty("foyer.crawl.seed");
        if (one != null && !one.isBlank()) {
            return List.of(Long.parseLong(one.strip()));
        }
        long count = Long.parseLong(System.getProperty("foyer.crawl.seeds", defaultCount).strip());
        return LongStream.rangeClosed(1, count).map(n -> SEED_BASE + n).boxed().toList();
    }

    private LeakWorld world(long seed) {
        return WORLDS.computeIfAbsent(seed, s -> {
            LeakWorld world = LeakWorld.generate(s, jdbcTemplate);
            world.writeFileBytes(storage);
            accounts(world, jdbcTemplate);
            return world;
        });
    }

    /**
     * Every generated user gets an account (the profile pages read it), every other one in German,
     * so both languages' pages are crawled. Nobody signs in with its password: the crawl sets the principal.
     */
    static void accounts(LeakWorld world, JdbcTemplate jdbc) {
        List<Object[]> rows = new ArrayList<>();
        for (User user : world.users) {
            rows.add(new Object[]{user.id(), user.portal(), world.email(user.contact()),
                    world.users.indexOf(user) % 2 == 0 ? "en" : "de"});
        }
        jdbc.batchUpdate("insert into portal_account (portal_user_id, portal_id, email, password_hash, language, time_zone,"
                + " time_format, country, version, created_at, updated_at)"
                + " values (?, ?, ?, 'no password: the crawl sets the principal', ?, 'UTC', 'H24', 'DE', 0, now(), now())",
                rows);
    }

    /** Signs in as the generated user: their principal on the portal's own security chain, as sign-in sets it. */
    static Function<User, PortalCrawler.Fetcher> signIn(MockMvc mvc, LeakWorld world) {
        return user -> {
            PortalPrincipal principal = new PortalPrincipal(new PortalUserId(user.id()), new PortalId(user.portal()),
                    world.email(user.contact()), "Crawling user");
            var token = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                    AuthorityUtils.createAuthorityList(PortalPrincipal.AUTHORITY));
            // One session per user, as a browser keeps: the first response's cookie goes with every later request.
            jakarta.servlet.http.Cookie[] session = new jakarta.servlet.http.Cookie[1];
            return path -> {
                var request = get(URI.create(path)).with(authentication(token));
                if (session[0] != null) {
                    request.cookie(session[0]);
                }
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                if (session[0] == null) {
                    session[0] = response.getCookie("SESSION");
                }
                return new PortalCrawler.Fetched(path, response.getStatus(), response.getContentType(),
                        response.getHeader("Location"), PortalCrawler.text(PortalCrawler.headers(
                                response.getHeaderNames(), response::getHeaders), response.getContentType(),
                        response.getContentAsByteArray()));
            };
        };
    }

    @Test
    void everyPageFragmentAndDownloadEveryGeneratedUserCanReachShowsNothingTheRulesForbidAndHidesWhatTheyMayNotSee()
            throws Exception {
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int pages = 0;
        List<Long> seeds = seeds("2");
        for (long seed : seeds) {
            LeakWorld world = world(seed);
            LeakCrawl crawl = LeakCrawl.run(world, signIn(mvc, world));
            failures.addAll(crawl.failures());
            pages += crawl.pages;
        }
        LoggerFactory.getLogger(PortalCrawlLeakTest.class).info("Crawl leak suite: {} seeds, {} responses in {} ms",
                seeds.size(), pages, (System.nanoTime() - started) / 1_000_000);
        assertThat(pages).as("responses crawled").isPositive();
        assertThat(failures).as("leaks, unreached pages and ACC-10 differences (replay one with -Dfoyer.crawl.seed=S)")
                .isEmpty();
    }

    /**
     * The e-mails generated users receive: invitations to every waiting user of an active portal
     * (LIF-2) and, for every ACTIVE user, being added to a project of their scope (LIF-5). Each
     * recipient's messages carry no canary of what they may not see; the model follows the new
     * memberships so the oracle stays true.
     */
    @Test
    void everyEmailAGeneratedUserReceivesShowsNothingTheRulesForbid() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        List<String> failures = new ArrayList<>();
        int mails = 0;
        for (long seed : seeds("2")) {
            LeakWorld world = world(seed);
            for (User user : world.users) {
                LeakOracle before = new LeakOracle(world, user);
                boolean portalActive = world.portals.stream().anyMatch(p -> p.id().equals(user.portal()) && p.active());
                boolean contactLive = world.contacts.stream().anyMatch(c -> c.id().equals(user.contact()) && !c.deleted());
                if ((user.status() == PortalUserStatus.AWAITING || user.status() == PortalUserStatus.PENDING)
                        && portalActive && contactLive) {
                    invitations.send(admin, new PortalUserId(user.id()));
                }
                if (user.status() == PortalUserStatus.ACTIVE && before.active()) {
                    Optional<Project> project = world.projects.stream()
                            .filter(p -> before.scope().contains(p.company()) && !p.members().contains(user.id()))
                            .findFirst();
                    if (project.isPresent()) {
                        memberships.add(admin, MembershipKind.PROJECT, project.get().id(), new PortalUserId(user.id()));
                        project.get().members().add(user.id());
                    }
                }
            }
            for (User user : world.users) {
                List<String> texts = jdbc.sql("select subject || chr(10) || coalesce(recipient_name, '') || chr(10)"
                                + " || text_body || chr(10) || coalesce(html_body, '') from mail_outbox"
                                + " where lower(recipient_address) = lower(:address)")
                        .param("address", world.email(user.contact())).query(String.class).list();
                mails += texts.size();
                failures.addAll(LeakCrawl.mail(world, user, texts));
            }
        }
        assertThat(mails).as("e-mails to generated users").isPositive();
        assertThat(failures).as("canaries in e-mails (replay one with -Dfoyer.crawl.seed=S)").isEmpty();
    }
}
