package dev.foyer.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.portal.LeakWorld.Item;
import dev.foyer.portal.LeakWorld.Project;
import dev.foyer.portal.LeakWorld.StoredFile;
import dev.foyer.portal.LeakWorld.User;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerDataTest;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 item 8, the leak suite: randomized organizations ({@link LeakWorld}) read through the
 * visibility component for every portal user and checked against an independent oracle
 * ({@link LeakOracle}) and for forbidden canaries ({@link LeakSuite}). 20 seeds run in every build;
 * {@code -Dfoyer.leak.seeds=N} runs N, {@code -Dfoyer.leak.seed=S} replays one. Then the peer bug
 * classes one by one, and proof that the suite bites: weakened variants of the rules are caught.
 */
@FoyerDataTest
class VisibilityLeakTest {

    /** Worlds are written once per database; a seed's rows are its own, so the read-only tests share them. */
    private static final Map<Long, LeakWorld> WORLDS = new ConcurrentHashMap<>();

    @Autowired
    PortalReads reads;
    @Autowired
    PortalViewers viewers;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PortalMemberships memberships;
    @Autowired
    Projects projects;
    @Autowired
    ProjectItems projectItems;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketComments ticketComments;
    @Autowired
    StoredFiles files;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    PortalInteractions interactions;
    @Autowired
    PortalRecordWrites recordWrites;
    @Autowired
    PortalProjectWrites projectWrites;
    @Autowired
    PortalFinance portalFinance;
    @Autowired
    PortalContactProfile contactProfile;

    /** The staff users who try the writes (made once; the test context and its database are shared). */
    private static LeakMutations.Staff staff;

    private LeakWorld world(long seed) {
        return WORLDS.computeIfAbsent(seed, s -> LeakWorld.generate(s, jdbcTemplate));
    }

    private LeakMutations.Writers writers() {
        return new LeakMutations.Writers(memberships, projects, projectItems, tickets, ticketComments, files, reads, jdbc);
    }

    private synchronized LeakMutations.Staff staff() {
        if (staff == null) {
            StaffPrincipal admin = Admins.testAdmin(jdbc);
            staff = new LeakMutations.Staff(principal(admin, StaffRole.MANAGER), principal(admin, StaffRole.MEMBER),
                    principal(admin, StaffRole.MEMBER));
        }
        return staff;
    }

    private StaffPrincipal principal(StaffPrincipal admin, StaffRole role) {
        StaffUser user = aStaffUser().withRole(role).createdBy(staffAccounts, admin);
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), role, null);
    }

    private static List<Long> seeds() {
        String one = System.getProperty("foyer.leak.seed");
        if (one != null && !one.isBlank()) {
            return List.of(Long.parseLong(one.strip()));
        }
        long count = Long.parseLong(System.getProperty("foyer.leak.seeds", "20").strip());
        return LongStream.rangeClosed(1, count).boxed().toList();
    }

    @Test
    void everyPortalUserOfEveryGeneratedOrganizationSeesExactlyWhatTheRulesAllowAndNoCanaryElse() {
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        List<Long> seeds = seeds();
        for (long seed : seeds) {
            failures.addAll(LeakSuite.run(world(seed), reads));
        }
        LoggerFactory.getLogger(VisibilityLeakTest.class).info("Leak suite: {} seeds in {} ms", seeds.size(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(failures).as("leaks and mismatches (replay one with -Dfoyer.leak.seed=S)").isEmpty();
    }

    /**
     * ACC-12 and ACC-9 on the staff-side writes ({@link LeakMutations}): in every generated
     * organization a sample of forbidden writes is refused with the service's exception and leaves
     * the tables (history and outbox included) as they were, and right after a sample of allowed
     * writes the component and the oracle agree for every portal user.
     */
    @Test
    void everyGeneratedOrganizationRefusesForbiddenWritesChangingNothingAndAgreesRightAfterAllowedOnes() {
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        List<Long> seeds = seeds();
        for (long seed : seeds) {
            failures.addAll(LeakMutations.run(world(seed), writers(), staff()));
        }
        LoggerFactory.getLogger(VisibilityLeakTest.class).info("Leak suite writes: {} seeds in {} ms", seeds.size(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(failures).as("writes not refused, refused writes that changed something, or disagreement right"
                + " after an allowed write (replay one with -Dfoyer.leak.seed=S)").isEmpty();
    }

    /**
     * Issue 7 item 12, ACC-10, ACC-12, ACC-11 on the portal users' own writes ({@link LeakPortalWrites}):
     * in every generated organization (its user types given random write rights) a sample of writes
     * the rules forbid is refused and changes nothing — activities, history and outbox included — and
     * right after a sample of allowed ones the component and the oracle agree for every portal user.
     * 6 seeds by default (the whole read suite runs again per seed); {@code -Dfoyer.leak.writes.seeds=N}
     * for more, {@code -Dfoyer.leak.seed=S} to replay one.
     */
    @Test
    void everyGeneratedOrganizationRefusesForbiddenPortalWritesChangingNothingAndAgreesRightAfterAllowedOnes() {
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        List<Long> seeds = System.getProperty("foyer.leak.seed") != null ? seeds()
                : LongStream.rangeClosed(1, Long.parseLong(System.getProperty("foyer.leak.writes.seeds", "6").strip()))
                        .boxed().toList();
        LeakPortalWrites.Services services = new LeakPortalWrites.Services(interactions, recordWrites, projectWrites,
                portalFinance, contactProfile, reads, jdbc);
        int refused = 0;
        int succeeded = 0;
        for (long seed : seeds) {
            LeakWorld world = world(seed);
            LeakPortalWrites.Outcome outcome = LeakPortalWrites.run(world, services,
                    LeakMutations.on(world, writers(), staff()));
            failures.addAll(outcome.failures());
            refused += outcome.refused();
            succeeded += outcome.succeeded();
        }
        LoggerFactory.getLogger(VisibilityLeakTest.class).info("Leak suite portal writes: {} seeds, {} refused, {} allowed"
                + " in {} ms", seeds.size(), refused, succeeded, (System.nanoTime() - started) / 1_000_000);
        if (seeds.size() >= 10) {
            assertThat(refused).as("forbidden portal writes tried").isGreaterThanOrEqualTo(seeds.size() * 3);
            assertThat(succeeded).as("allowed portal writes done").isGreaterThanOrEqualTo(seeds.size() / 2);
        }
        assertThat(failures).as("portal writes not refused, refused ones that changed something, or disagreement right"
                + " after an allowed one (replay one with -Dfoyer.leak.seed=S)").isEmpty();
    }

    // ------------------------------------------------------------------ the suite bites

    @Test
    void theSuiteCatchesRulesThatIgnoreShowOnPortal() {
        assertCaught(() -> new VisibilityRules() {
            @Override
            Clause shown(String sharedColumn) {
                return Clause.of("ACC-4", Clause.TRUE, "portal.explain.shown");
            }

            @Override
            Clause fileShown(String sharedColumn) {
                return Clause.of("ACC-7", Clause.TRUE, "portal.explain.fileShown");
            }
        });
    }

    @Test
    void theSuiteCatchesRulesThatIgnoreMembership() {
        assertCaught(() -> new VisibilityRules() {
            @Override
            Clause membership(MembershipKind kind, String idColumn) {
                return Clause.of("ACC-3", Clause.TRUE, "portal.explain.member");
            }
        });
    }

    @Test
    void theSuiteCatchesRulesThatIgnoreFieldRights() {
        assertCaught(() -> new VisibilityRules() {
            @Override
            boolean shows(PortalViewer viewer, PortalField field) {
                return true;
            }

            @Override
            boolean eventDescriptions(PortalViewer viewer) {
                return true;
            }
        });
    }

    @Test
    void theSuiteCatchesRulesThatTreatANullCompanyAsAMatch() {
        assertCaught(() -> new VisibilityRules() {
            @Override
            Clause scope(String companyColumn) {
                return Clause.of("ACC-1", "cardinality(cast(:scope as uuid[])) = 0 or " + companyColumn
                        + " = any(cast(:scope as uuid[]))", "portal.explain.scope");
            }
        });
    }

    @Test
    void theWriteChecksCatchAWriteThatMutatesBeforeItIsRefusedOrIsNotRefusedAtAll() {
        LeakWorld world = world(1);
        LeakMutations checks = LeakMutations.on(world, writers(), staff());
        Item task = world.items.stream().filter(i -> i.kind() == RecordKind.TASK).findFirst().orElseThrow();
        String flip = "update task set shared = not shared where id = :id";
        try {
            Map<String, String> before = checks.checksums();
            before = checks.refused(new LeakMutations.Attempt("writes, then refuses", AccessDeniedException.class, null,
                    () -> {
                        jdbc.sql(flip).param("id", task.id()).update();
                        throw new AccessDeniedException("too late");
                    }), before);
            checks.refused(new LeakMutations.Attempt("refuses nothing", AccessDeniedException.class, null, () -> { }),
                    before);
            checks.refused(new LeakMutations.Attempt("refuses with another exception", PortalException.class,
                    "portal.member.error.outOfScope", () -> {
                        throw PortalException.of("portalUser", "portal.member.error.unknown");
                    }), before);
        } finally {
            jdbc.sql(flip).param("id", task.id()).update();
        }
        assertThat(checks.failures()).hasSize(3).allMatch(f -> f.startsWith("seed 1: "));
        assertThat(checks.failures().get(0)).contains("ACC-12: writes, then refuses changed [task]");
        assertThat(checks.failures().get(1)).contains("not refused: refuses nothing");
        assertThat(checks.failures().get(2)).contains("instead of portal.member.error.outOfScope");
    }

    @Test
    void thePortalWriteChecksCatchAWriteThatRecordsAnActivityBeforeItIsRefusedOrIsNotRefusedAtAll() {
        LeakWorld world = world(1);
        LeakPortalWrites checks = LeakPortalWrites.on(world, new LeakPortalWrites.Services(interactions, recordWrites,
                projectWrites, portalFinance, contactProfile, reads, jdbc), LeakMutations.on(world, writers(), staff()));
        Project project = world.projects.getFirst();
        Map<String, String> before = checks.checksums();
        before = checks.refused(new LeakMutations.Attempt("records an activity, then refuses", PortalRecordNotFound.class,
                null, () -> {
                    jdbc.sql("insert into record_activity (occurred_at, portal_user_id, actor_name, kind, record_kind,"
                                    + " record_id, within_kind, within_id) values (now(), :u, 'x', 'COMMENTED', 'PROJECT',"
                                    + " :p, 'PROJECT', :p)")
                            .param("u", world.users.getFirst().id()).param("p", project.id()).update();
                    throw new PortalRecordNotFound();
                }), before);
        checks.refused(new LeakMutations.Attempt("refuses nothing", PortalRecordNotFound.class, null, () -> { }), before);
        jdbc.sql("delete from record_activity where actor_name = 'x' and within_id = :p").param("p", project.id()).update();
        assertThat(checks.failures()).hasSize(2);
        assertThat(checks.failures().get(0)).startsWith("seed 1: ").contains("changed [record_activity]");
        assertThat(checks.failures().get(1)).contains("not refused: refuses nothing");
    }

    private void assertCaught(Supplier<VisibilityRules> weakened) {
        PortalReads weak = new PortalReads(jdbc, viewers, transactions, weakened.get());
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= 10 && failures.isEmpty(); seed++) {
            failures.addAll(LeakSuite.run(world(seed), weak));
        }
        assertThat(failures).as("the weakened rules must be caught within 10 seeds").isNotEmpty();
        assertThat(failures.getFirst()).startsWith("seed ");
    }

    // ------------------------------------------------------------------ peer bug classes

    @Test
    void aNullCompanyNeverMatchesAScope() {
        String clause = VisibilityRules.STANDARD.scope("x.company_id").sql();
        Boolean withEmptyScope = jdbc.sql("select coalesce((" + clause + "), false) from (select cast(null as uuid) as company_id) x")
                .param("scope", new String[0]).query(Boolean.class).single();
        Boolean withScope = jdbc.sql("select coalesce((" + clause + "), false) from (select cast(null as uuid) as company_id) x")
                .param("scope", new String[]{UUID.randomUUID().toString()}).query(Boolean.class).single();
        assertThat(withEmptyScope).isFalse();
        assertThat(withScope).isFalse();

        // A user whose contact's company is in the recycle bin sees nothing, though a member with full rights.
        LeakWorld world = world(1);
        UUID binned = world.companies.getFirst().id();
        User user = world.users.stream().filter(u -> world.contacts.stream()
                .anyMatch(c -> c.id().equals(u.contact()) && c.company().equals(binned) && !c.deleted()))
                .findFirst().orElseThrow();
        jdbc.sql("insert into project_portal_member (project_id, portal_user_id, created_at) values (:p, :u, now())"
                        + " on conflict do nothing")
                .param("p", world.projects.getFirst().id()).param("u", user.id()).update();
        assertThat(viewers.load(new PortalUserId(user.id())).orElseThrow().scope()).isEmpty();
        assertThat(reads.projects(new PortalUserId(user.id()), PageRequest.of(0, 50)).getTotalElements()).isZero();
        jdbc.sql("delete from project_portal_member where project_id = :p and portal_user_id = :u")
                .param("p", world.projects.getFirst().id()).param("u", user.id()).update();
    }

    /** A fresh world for tests that change it, with a user who sees a project with a shared task and a file. */
    private record Scene(LeakWorld world, User user, PortalUserId id, Project project, Item task, StoredFile file) {
    }

    private Scene scene(long firstSeed) {
        for (long seed = firstSeed; seed < firstSeed + 200; seed++) {
            LeakWorld world = LeakWorld.generate(seed, jdbcTemplate);
            for (User user : world.users) {
                LeakOracle oracle = new LeakOracle(world, user);
                for (Project project : world.projects) {
                    Optional<Item> task = world.items.stream().filter(i -> i.kind() == RecordKind.TASK
                            && i.container().equals(project.id()) && oracle.sees(i)).findFirst();
                    Optional<StoredFile> file = world.files.stream().filter(f -> f.ownerType().equals("project")
                            && f.owner().equals(project.id()) && oracle.sees(f)).findFirst();
                    if (oracle.sees(project) && task.isPresent() && file.isPresent()) {
                        return new Scene(world, user, new PortalUserId(user.id()), project, task.get(), file.get());
                    }
                }
            }
        }
        throw new IllegalStateException("no seed from " + firstSeed + " gives a scene");
    }

    @Test
    void revocationShowsOnTheVeryNextRead() {
        Scene s = scene(100_000);
        RecordRef task = RecordRef.of(RecordKind.TASK, s.task().id());
        RecordRef project = RecordRef.of(RecordKind.PROJECT, s.project().id());
        assertThat(reads.item(s.id(), task)).as("seed %d", s.world().seed).isPresent();

        // Unshare the task (ACC-4, ACC-9).
        jdbc.sql("update task set shared = false where id = :id").param("id", s.task().id()).update();
        assertThat(reads.item(s.id(), task)).as("seed %d: unshared task", s.world().seed).isEmpty();
        assertThat(reads.projectItems(s.id(), s.project().id(), RecordKind.TASK, PageRequest.of(0, 50)).getContent())
                .as("seed %d", s.world().seed).noneMatch(i -> i.id().equals(s.task().id()));

        // A child moved to another company's record disappears from the permitted parent.
        Project elsewhere = s.world().projects.stream().filter(p -> !p.company().equals(s.project().company()))
                .findFirst().orElseThrow();
        RecordRef owner = RecordRef.of(RecordKind.PROJECT, s.project().id());
        assertThat(reads.files(s.id(), owner, PageRequest.of(0, 50)).getContent()).anyMatch(f -> f.id().equals(s.file().id()));
        jdbc.sql("update stored_file set owner_id = :p where id = :id").param("p", elsewhere.id())
                .param("id", s.file().id()).update();
        assertThat(reads.files(s.id(), owner, PageRequest.of(0, 50)).getContent())
                .as("seed %d: moved file", s.world().seed).noneMatch(f -> f.id().equals(s.file().id()));

        // Remove the member (ACC-3), then move the project to another company (ACC-1).
        jdbc.sql("delete from project_portal_member where project_id = :p and portal_user_id = :u")
                .param("p", s.project().id()).param("u", s.user().id()).update();
        assertThat(reads.project(s.id(), s.project().id())).as("seed %d: removed member", s.world().seed).isEmpty();
        assertThat(reads.canSee(s.id(), project)).isFalse();
        jdbc.sql("insert into project_portal_member (project_id, portal_user_id, created_at) values (:p, :u, now())")
                .param("p", s.project().id()).param("u", s.user().id()).update();
        assertThat(reads.project(s.id(), s.project().id())).isPresent();
        UUID outside = s.world().companies.stream().map(LeakWorld.Company::id)
                .filter(c -> !viewers.load(s.id()).orElseThrow().scope().contains(c)).findFirst().orElseThrow();
        jdbc.sql("update project set company_id = :c where id = :p").param("c", outside).param("p", s.project().id()).update();
        assertThat(reads.project(s.id(), s.project().id())).as("seed %d: moved project", s.world().seed).isEmpty();
        assertThat(reads.projectItems(s.id(), s.project().id(), RecordKind.MILESTONE, PageRequest.of(0, 50))).isEmpty();
        assertThat(reads.explain(s.id(), project).firstFailure().orElseThrow().rule()).isEqualTo("ACC-1");
        jdbc.sql("update project set company_id = :c where id = :p").param("c", s.project().company())
                .param("p", s.project().id()).update();
        assertThat(reads.project(s.id(), s.project().id())).isPresent();

        // Deactivate the user (ACC-9).
        jdbc.sql("update portal_user set status = 'INACTIVE' where id = :u").param("u", s.user().id()).update();
        assertThat(reads.project(s.id(), s.project().id())).as("seed %d: deactivated", s.world().seed).isEmpty();
        assertThat(reads.projects(s.id(), PageRequest.of(0, 50)).getTotalElements()).isZero();
        assertThat(reads.explain(s.id(), project).firstFailure().orElseThrow().rule()).isEqualTo("ACC-9");
    }

    @Test
    void aBrokenRightsRowFailsClosed() {
        Scene s = scene(200_000);
        assertThat(reads.project(s.id(), s.project().id())).isPresent();
        jdbc.sql("insert into portal_module_right (user_type_id, module, view_scope) values (:t, 'NO_SUCH_MODULE', 'ACCOUNT')")
                .param("t", s.user().type()).update();

        assertThat(reads.project(s.id(), s.project().id())).as("seed %d", s.world().seed).isEmpty();
        assertThat(reads.projects(s.id(), PageRequest.of(0, 50)).getTotalElements()).isZero();
        assertThat(reads.file(s.id(), s.file().id())).isEmpty();
        Explanation explanation = reads.explain(s.id(), RecordRef.of(RecordKind.PROJECT, s.project().id()));
        assertThat(explanation.visible()).isFalse();
        assertThat(explanation.checks()).extracting(VisibilityCheck::messageKey).contains("portal.explain.error.fail");
    }

    @Test
    void aFailureWhileBuildingThePredicateFailsClosed() {
        Scene s = scene(300_000);
        PortalReads failing = new PortalReads(jdbc, viewers, transactions, new VisibilityRules() {
            @Override
            Clause membership(MembershipKind kind, String idColumn) {
                throw new IllegalStateException("injected failure");
            }
        });
        PortalReads brokenSql = new PortalReads(jdbc, viewers, transactions, new VisibilityRules() {
            @Override
            Clause shown(String sharedColumn) {
                return Clause.of("ACC-4", sharedColumn + " and no_such_column", "portal.explain.shown");
            }
        });

        assertThat(reads.project(s.id(), s.project().id())).isPresent();
        assertThat(failing.project(s.id(), s.project().id())).isEmpty();
        assertThat(failing.projects(s.id(), PageRequest.of(0, 50))).isEmpty();
        assertThat(failing.canSee(s.id(), RecordRef.of(RecordKind.PROJECT, s.project().id()))).isFalse();
        assertThat(brokenSql.item(s.id(), RecordRef.of(RecordKind.TASK, s.task().id()))).isEmpty();
        assertThat(brokenSql.projectItems(s.id(), s.project().id(), RecordKind.TASK, PageRequest.of(0, 50))).isEmpty();
        assertThat(brokenSql.file(s.id(), s.file().id())).isEmpty();
    }

    @Test
    void explainNamesEachRuleInOrder() {
        Scene s = scene(400_000);
        Explanation explanation = reads.explain(s.id(), RecordRef.of(RecordKind.TASK, s.task().id()));
        assertThat(explanation.visible()).isTrue();
        assertThat(explanation.checks()).extracting(VisibilityCheck::rule)
                .containsExactly("ACC-9", "PRT-1", "ACC-1", "ACC-1", "ACC-2", "ACC-3", "ACC-2", "ACC-4");
        assertThat(explanation.checks()).extracting(VisibilityCheck::messageKey).allMatch(k -> k.endsWith(".pass"));

        Explanation missing = reads.explain(s.id(), RecordRef.of(RecordKind.TICKET, UUID.randomUUID()));
        assertThat(missing.visible()).isFalse();
        assertThat(missing.firstFailure().orElseThrow().rule()).isEqualTo("ACC-10");
    }
}
