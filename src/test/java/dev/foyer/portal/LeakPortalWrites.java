package dev.foyer.portal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.foyer.portal.LeakWorld.Company;
import dev.foyer.portal.LeakWorld.Contact;
import dev.foyer.portal.LeakWorld.Item;
import dev.foyer.portal.LeakWorld.Project;
import dev.foyer.portal.LeakWorld.StoredFile;
import dev.foyer.portal.LeakWorld.Ticket;
import dev.foyer.portal.LeakWorld.User;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 7 item 12 and ADR 007's promise, the leak suite's portal writes: what portal users write
 * through {@link PortalInteractions}, {@link PortalRecordWrites}, {@link PortalFinance#answerQuote}
 * and {@link PortalContactProfile}, tried on each generated organization after its user types were
 * given random write rights (rights to act never change what a user sees, so the reads stay true).
 * <ul>
 * <li>A random sample that must be refused (a record the user may not see, another company's id, no
 * right in the user type, someone else's comment, file or contact, a stale version, a forged company
 * for a ticket): each must throw and leave every relevant table — record_activity, history and the
 * outbox included — as it was (ACC-10, ACC-12).</li>
 * <li>A random sample that must succeed (a comment on a visible project or ticket, opening a ticket):
 * the model is updated, and the component and the oracle must then agree for every portal user (ACC-11:
 * the comment shows to the record's other portal members).</li>
 * </ul>
 * Every failure starts with the seed.
 */
final class LeakPortalWrites {

    static final int REFUSALS = 6;
    static final int SUCCESSES = 2;

    /** The portal-side services under test, and what the checks read with. */
    record Services(PortalInteractions interactions, PortalRecordWrites records, PortalProjectWrites projects,
                    PortalFinance finance,
                    PortalContactProfile profile, PortalReads reads, JdbcClient jdbc) {
    }

    private static final Map<String, PortalAction> ACTIONS = new LinkedHashMap<>(Map.of("can_create", PortalAction.CREATE,
            "can_edit_own", PortalAction.EDIT_OWN, "can_edit_shared", PortalAction.EDIT_SHARED,
            "can_delete_own", PortalAction.DELETE_OWN, "can_clone", PortalAction.CLONE));

    private final LeakWorld world;
    private final Services services;
    private final LeakMutations tables;
    private final Random random;
    private final List<String> failures = new ArrayList<>();
    /** The write rights given, by user type and module. */
    private final Map<UUID, Map<PortalModule, Set<String>>> granted = new HashMap<>();

    private LeakPortalWrites(LeakWorld world, Services services, LeakMutations tables) {
        this.world = world;
        this.services = services;
        this.tables = tables;
        this.random = new Random(world.seed * 53 + 7);
    }

    /** What one organization's run tried, so the test can tell it did not pass by trying nothing. */
    record Outcome(List<String> failures, int refused, int succeeded) {
    }

    static Outcome run(LeakWorld world, Services services, LeakMutations tables) {
        LeakPortalWrites run = new LeakPortalWrites(world, services, tables);
        int refused = 0;
        int succeeded = 0;
        try {
            run.grantRights();
            refused = run.refusals();
            succeeded = run.successes();
            if (succeeded > 0) {
                run.failures.addAll(LeakSuite.run(world, services.reads()));
            }
        } catch (RuntimeException e) {
            run.fail("the portal write checks broke: " + e);
        }
        run.failures.addAll(tables.failures());
        return new Outcome(run.failures, refused, succeeded);
    }

    /** The checks for one organization, to try single attempts (the suite's own tests). */
    static LeakPortalWrites on(LeakWorld world, Services services, LeakMutations tables) {
        return new LeakPortalWrites(world, services, tables);
    }

    List<String> failures() {
        return failures;
    }

    private void fail(String what) {
        failures.add("seed " + world.seed + ": portal writes: " + what);
    }

    /** Random action rights per type and granted module (the same for a seed every time; clone only with create). */
    private void grantRights() {
        for (LeakWorld.Type type : world.types) {
            Map<PortalModule, Set<String>> rights = new EnumMap<>(PortalModule.class);
            for (PortalModule module : PortalModule.values()) {
                Set<String> actions = new LinkedHashSet<>();
                if (type.views().get(module) != ViewScope.NONE) {
                    for (String action : List.copyOf(new java.util.TreeSet<>(ACTIONS.keySet()))) {
                        // Only the actions that make sense for the module (PRT-3: never a right to write a quote).
                        if (random.nextDouble() < 0.6 && module.allows(ACTIONS.get(action))) {
                            actions.add(action);
                        }
                    }
                    if (!actions.contains("can_create")) {
                        actions.remove("can_clone");
                    }
                }
                rights.put(module, actions);
                services.jdbc().sql("update portal_module_right set can_create = :c, can_edit_own = :eo,"
                                + " can_edit_shared = :es, can_delete_own = :d, can_clone = :cl"
                                + " where user_type_id = :type and module = :module")
                        .param("c", actions.contains("can_create")).param("eo", actions.contains("can_edit_own"))
                        .param("es", actions.contains("can_edit_shared")).param("d", actions.contains("can_delete_own"))
                        .param("cl", actions.contains("can_clone")).param("type", type.id())
                        .param("module", module.name()).update();
            }
            granted.put(type.id(), rights);
        }
    }

    private boolean may(User user, PortalModule module, String action) {
        return granted.get(user.type()).get(module).contains(action);
    }

    // ------------------------------------------------------------------ ACC-10, ACC-12: refused, nothing changed

    private int refusals() {
        List<Supplier<Optional<LeakMutations.Attempt>>> candidates = new ArrayList<>(List.of(
                this::commentOnInvisibleRecord, this::commentWithoutRight, this::editSomeoneElsesComment,
                this::deleteOwnCommentAtStaleVersion, this::deleteSomeoneElsesFile, this::uploadToInvisibleRecord,
                this::openTicketForForgedCompany, this::answerInvisibleQuote, this::editInvisibleContact,
                this::cloneInvisibleContact, this::deleteOwnContactCard, this::editCompanyAtStaleVersion,
                this::createTaskInInvisibleProject, this::editTaskWithoutRight, this::profileOfInactiveUser,
                this::deleteSomeoneElsesTask, this::cloneTaskWithoutRight, this::editVisibleTaskAtStaleVersion,
                this::createContactWithoutRight, this::deleteColleagueNotAddedByThem, this::answerVisibleQuoteNotOpen,
                this::editInvisibleProject, this::cloneInvisibleProject, this::deleteStaffProject,
                this::createProjectWithoutRight));
        Collections.shuffle(candidates, random);
        int tried = 0;
        Map<String, String> before = checksums();
        for (Supplier<Optional<LeakMutations.Attempt>> candidate : candidates) {
            if (tried == REFUSALS) {
                break;
            }
            Optional<LeakMutations.Attempt> attempt = candidate.get();
            if (attempt.isEmpty()) {
                continue;
            }
            tried++;
            before = refused(attempt.get(), before);
        }
        return tried;
    }

    Map<String, String> refused(LeakMutations.Attempt attempt, Map<String, String> before) {
        try {
            attempt.action().run();
            fail("not refused: " + attempt.what());
        } catch (RuntimeException e) {
            if (!attempt.refusedWith().isInstance(e)) {
                fail("refused with " + e + " instead of " + attempt.refusedWith().getSimpleName() + ": " + attempt.what());
            }
        }
        Map<String, String> after = checksums();
        List<String> changed = after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList();
        if (!changed.isEmpty()) {
            fail("ACC-12: " + attempt.what() + " changed " + changed);
        }
        return after;
    }

    /** The world's tables (LeakMutations) and what portal writes touch besides: directory, finance, activities. */
    Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>(tables.checksums());
        String rows = "md5(coalesce(string_agg(x::text, ',' order by x::text), ''))";
        String[] companies = world.companies.stream().map(c -> c.id().toString()).toArray(String[]::new);
        String[] documents = world.finance.stream().map(f -> f.id().toString()).toArray(String[]::new);
        String[] directory = java.util.stream.Stream.concat(world.companies.stream().map(Company::id),
                world.contacts.stream().map(Contact::id)).map(UUID::toString).toArray(String[]::new);
        services.jdbc().sql("select 'company' as name, " + rows + " as sum from company x where id = any(cast(:companies as uuid[]))"
                        + " union all select 'contact', " + rows + " from contact x where company_id = any(cast(:companies as uuid[]))"
                        + " union all select 'finance_document', " + rows + " from finance_document x where id = any(cast(:docs as uuid[]))"
                        + " union all select 'quote_answer', " + rows + " from quote_answer x where document_id = any(cast(:docs as uuid[]))"
                        + " union all select 'directory history', " + rows + " from record_change x where record_id = any(cast(:dir as uuid[]))"
                        // Only ever gains rows; counted whole so an activity on any record shows.
                        + " union all select 'record_activity', cast(count(*) as text) from record_activity")
                .param("companies", companies).param("docs", documents).param("dir", directory)
                .query((rs, n) -> sums.put(rs.getString("name"), rs.getString("sum"))).list();
        return sums;
    }

    private Optional<User> someUser(Predicate<User> which) {
        List<User> fitting = world.users.stream().filter(which).toList();
        return fitting.isEmpty() ? Optional.empty() : Optional.of(fitting.get(random.nextInt(fitting.size())));
    }

    private static <T> Optional<T> any(List<T> from, Random random) {
        return from.isEmpty() ? Optional.empty() : Optional.of(from.get(random.nextInt(from.size())));
    }

    private static PortalUserId id(User user) {
        return new PortalUserId(user.id());
    }

    private LeakOracle oracle(User user) {
        return new LeakOracle(world, user);
    }

    private static LeakMutations.Attempt attempt(String what, Class<? extends RuntimeException> refusedWith, Runnable action) {
        return new LeakMutations.Attempt(what, refusedWith, null, action);
    }

    private Optional<LeakMutations.Attempt> commentOnInvisibleRecord() {
        return someUser(u -> may(u, PortalModule.COMMENTS, "can_create")).flatMap(u -> {
            LeakOracle o = oracle(u);
            if (random.nextBoolean()) {
                return any(world.projects.stream().filter(p -> !o.sees(p)).toList(), random).map(p -> attempt(
                        "comment by " + u.id() + " on invisible project " + p.id(), PortalRecordNotFound.class,
                        () -> services.interactions().comment(id(u), RecordRef.of(RecordKind.PROJECT, p.id()), world.canary())));
            }
            return any(world.tickets.stream().filter(t -> !o.sees(t)).toList(), random).map(t -> attempt(
                    "comment by " + u.id() + " on invisible ticket " + t.id(), PortalRecordNotFound.class,
                    () -> services.interactions().comment(id(u), RecordRef.of(RecordKind.TICKET, t.id()), world.canary())));
        });
    }

    private Optional<LeakMutations.Attempt> commentWithoutRight() {
        return someUser(u -> !may(u, PortalModule.COMMENTS, "can_create")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.projects.stream().filter(o::sees).toList(), random).map(p -> attempt(
                    "comment without the right by " + u.id() + " on visible project " + p.id(), PortalRecordNotFound.class,
                    () -> services.interactions().comment(id(u), RecordRef.of(RecordKind.PROJECT, p.id()), world.canary())));
        });
    }

    private Optional<LeakMutations.Attempt> editSomeoneElsesComment() {
        return someUser(u -> may(u, PortalModule.COMMENTS, "can_edit_own")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.items.stream().filter(i -> i.kind() == RecordKind.TICKET_COMMENT
                    && !u.id().equals(i.author())).toList(), random).map(c -> attempt(
                    "edit by " + u.id() + " of someone else's comment " + c.id() + " (visible: " + o.sees(c) + ")",
                    PortalRecordNotFound.class, () -> services.interactions().editComment(id(u),
                            RecordRef.of(RecordKind.TICKET, c.container()), RecordRef.of(c.kind(), c.id()), 0,
                            world.canary())));
        });
    }

    private Optional<LeakMutations.Attempt> deleteOwnCommentAtStaleVersion() {
        return someUser(u -> may(u, PortalModule.COMMENTS, "can_delete_own")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.items.stream().filter(i -> (i.kind() == RecordKind.TICKET_COMMENT
                    || i.kind() == RecordKind.PROJECT_COMMENT && i.parent() == null) && u.id().equals(i.author())
                    && o.sees(i)).toList(), random).map(c -> attempt(
                    "delete by " + u.id() + " of their own comment " + c.id() + " at a stale version", PortalException.class,
                    () -> services.interactions().deleteComment(id(u), RecordRef.of(c.kind() == RecordKind.TICKET_COMMENT
                            ? RecordKind.TICKET : RecordKind.PROJECT, c.container()), RecordRef.of(c.kind(), c.id()), 3)));
        });
    }

    private static RecordRef owner(StoredFile f) {
        return RecordRef.of(Visibility.FILE_OWNERS.get(f.ownerType()), f.owner());
    }

    private Optional<LeakMutations.Attempt> deleteSomeoneElsesFile() {
        return someUser(u -> may(u, PortalModule.FILES, "can_delete_own")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.files.stream().filter(f -> !u.id().equals(f.author())).toList(), random).map(f -> attempt(
                    "delete by " + u.id() + " of someone else's file " + f.id() + " (visible: " + o.sees(f) + ")",
                    PortalRecordNotFound.class, () -> services.interactions().deleteFile(id(u), f.id(), owner(f))));
        });
    }

    private Optional<LeakMutations.Attempt> uploadToInvisibleRecord() {
        return someUser(u -> may(u, PortalModule.FILES, "can_create")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.tickets.stream().filter(t -> !o.sees(t)).toList(), random).map(t -> attempt(
                    "upload by " + u.id() + " to invisible ticket " + t.id(), PortalRecordNotFound.class,
                    () -> services.interactions().upload(id(u), RecordRef.of(RecordKind.TICKET, t.id()), "leak.txt",
                            new ByteArrayInputStream(world.canary().getBytes(StandardCharsets.UTF_8)), null)));
        });
    }

    private Optional<LeakMutations.Attempt> openTicketForForgedCompany() {
        return someUser(u -> may(u, PortalModule.TICKETS, "can_create") && oracle(u).active()).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.companies.stream().filter(c -> !o.scope().contains(c.id())).toList(), random).map(c -> attempt(
                    "ticket by " + u.id() + " for another company " + c.id(), PortalException.class,
                    () -> services.interactions().openTicket(id(u), new NewPortalTicket(c.id(), world.canary(),
                            world.canary(), "HIGH"))));
        });
    }

    private Optional<LeakMutations.Attempt> answerInvisibleQuote() {
        return someUser(u -> true).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.finance.stream().filter(f -> !o.sees(f)).toList(), random).map(f -> attempt(
                    "answer by " + u.id() + " of invisible " + f.kind() + " " + f.id(), QuoteAnswerRefused.class,
                    () -> services.finance().answerQuote(id(u), f.id(), QuoteAnswerKind.ACCEPTED, "Leak Signer", true,
                            null, "127.0.0.1")));
        });
    }

    private Optional<LeakMutations.Attempt> editInvisibleContact() {
        return someUser(u -> may(u, PortalModule.CONTACTS, "can_edit_shared")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.contacts.stream().filter(c -> o.contact(c).isEmpty()).toList(), random).map(c -> attempt(
                    "edit by " + u.id() + " of invisible contact " + c.id(), PortalRecordNotFound.class,
                    () -> services.records().editContact(id(u), c.id(), 0,
                            Map.of(PortalField.CONTACT_FIRST_NAME, world.canary()))));
        });
    }

    private Optional<LeakMutations.Attempt> cloneInvisibleContact() {
        return someUser(u -> may(u, PortalModule.CONTACTS, "can_clone")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.contacts.stream().filter(c -> o.contact(c).isEmpty()).toList(), random).map(c -> attempt(
                    "clone by " + u.id() + " of invisible contact " + c.id(), PortalRecordNotFound.class,
                    () -> services.records().cloneContact(id(u), c.id(), Map.of())));
        });
    }

    /** Their own card is not a colleague they added: never deleted from the contacts page. */
    private Optional<LeakMutations.Attempt> deleteOwnContactCard() {
        return someUser(u -> oracle(u).active()).map(u -> attempt("delete by " + u.id() + " of their own contact card",
                RuntimeException.class, () -> services.records().deleteContact(id(u), u.contact(), 0)));
    }

    private Optional<LeakMutations.Attempt> editCompanyAtStaleVersion() {
        return someUser(u -> oracle(u).company().isPresent()).map(u -> attempt(
                "company edit by " + u.id() + " at a stale version", RuntimeException.class,
                () -> services.records().editCompany(id(u), 7, Map.of(PortalField.COMPANY_NAME, world.canary()))));
    }

    private Optional<LeakMutations.Attempt> createTaskInInvisibleProject() {
        return someUser(u -> may(u, PortalModule.TASKS, "can_create")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.items.stream().filter(i -> i.kind() == RecordKind.TASK_LIST && !o.sees(i)).toList(), random)
                    .map(l -> attempt("task by " + u.id() + " in invisible list " + l.id(), PortalRecordNotFound.class,
                            () -> services.records().createTask(id(u), l.container(), l.id(),
                                    Map.of(PortalField.TASK_TITLE, world.canary()))));
        });
    }

    private Optional<LeakMutations.Attempt> editTaskWithoutRight() {
        return someUser(u -> !may(u, PortalModule.TASKS, "can_edit_shared") && !may(u, PortalModule.TASKS, "can_edit_own"))
                .flatMap(u -> any(world.items.stream().filter(i -> i.kind() == RecordKind.TASK).toList(), random)
                        .map(t -> attempt("task edit without the right by " + u.id() + " of " + t.id(),
                                PortalRecordNotFound.class, () -> services.records().editTask(id(u), t.container(),
                                        t.id(), 0, Map.of(PortalField.TASK_TITLE, world.canary())))));
    }

    private Optional<LeakMutations.Attempt> profileOfInactiveUser() {
        return someUser(u -> !oracle(u).active()).map(u -> attempt("profile edit by inactive " + u.id(),
                PortalException.class, () -> services.profile().update(id(u), 0, Map.of("firstName", world.canary()))));
    }

    private List<Item> visibleTasks(LeakOracle o, Predicate<Item> which) {
        return world.items.stream().filter(i -> i.kind() == RecordKind.TASK && o.sees(i) && which.test(i)).toList();
    }

    private Optional<LeakMutations.Attempt> deleteSomeoneElsesTask() {
        return someUser(u -> may(u, PortalModule.TASKS, "can_delete_own")).flatMap(u -> any(visibleTasks(oracle(u),
                t -> !u.id().equals(t.author())), random).map(t -> attempt("delete by " + u.id()
                + " of someone else's visible task " + t.id(), PortalRecordNotFound.class,
                () -> services.records().deleteTask(id(u), t.container(), t.id(), 0))));
    }

    private Optional<LeakMutations.Attempt> cloneTaskWithoutRight() {
        return someUser(u -> !may(u, PortalModule.TASKS, "can_clone")).flatMap(u -> any(visibleTasks(oracle(u), t -> true),
                random).map(t -> attempt("clone without the right by " + u.id() + " of visible task " + t.id(),
                PortalRecordNotFound.class, () -> services.records().cloneTask(id(u), t.container(), t.id(), Map.of()))));
    }

    /** A stale version of a task they may edit: refused, whatever the service names it (ACC-12). */
    private Optional<LeakMutations.Attempt> editVisibleTaskAtStaleVersion() {
        return someUser(u -> may(u, PortalModule.TASKS, "can_edit_shared")).flatMap(u -> any(visibleTasks(oracle(u),
                t -> !u.id().equals(t.author())), random).map(t -> attempt("edit by " + u.id() + " of visible task "
                + t.id() + " at a stale version", RuntimeException.class, () -> services.records().editTask(id(u),
                t.container(), t.id(), 4, Map.of(PortalField.TASK_TITLE, world.canary())))));
    }

    private Optional<LeakMutations.Attempt> createContactWithoutRight() {
        return someUser(u -> !may(u, PortalModule.CONTACTS, "can_create")).map(u -> attempt("contact by " + u.id()
                + " without the right", PortalRecordNotFound.class, () -> services.records().createContact(id(u),
                Map.of(PortalField.CONTACT_FIRST_NAME, world.canary(), PortalField.CONTACT_LAST_NAME, world.canary(),
                        PortalField.CONTACT_EMAIL, "leak-" + world.seed + "@example.org"))));
    }

    private Optional<LeakMutations.Attempt> deleteColleagueNotAddedByThem() {
        return someUser(u -> may(u, PortalModule.CONTACTS, "can_delete_own")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.contacts.stream().filter(c -> o.contact(c).filter(v -> !v.own() && !v.self()).isPresent())
                    .toList(), random).map(c -> attempt("delete by " + u.id() + " of colleague " + c.id()
                    + " they did not add", PortalRecordNotFound.class,
                    () -> services.records().deleteContact(id(u), c.id(), 0)));
        });
    }

    /** A visible quote that is not open (not sent): no answer is taken (EXP-4). */
    private Optional<LeakMutations.Attempt> answerVisibleQuoteNotOpen() {
        return someUser(u -> oracle(u).active()).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.finance.stream().filter(f -> f.kind() == FinanceKind.QUOTE && o.sees(f)
                    && !"SENT".equals(f.status())).toList(), random).map(f -> attempt("answer by " + u.id()
                    + " of visible " + f.status() + " quote " + f.id(), QuoteAnswerRefused.class,
                    () -> services.finance().answerQuote(id(u), f.id(), QuoteAnswerKind.DECLINED, "Leak Signer", true,
                            "no", "127.0.0.1")));
        });
    }

    private Optional<LeakMutations.Attempt> editInvisibleProject() {
        return someUser(u -> may(u, PortalModule.PROJECTS, "can_edit_shared")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.projects.stream().filter(p -> !o.sees(p)).toList(), random).map(p -> attempt(
                    "edit by " + u.id() + " of invisible project " + p.id(), PortalRecordNotFound.class,
                    () -> services.projects().editProject(id(u), p.id(), 0,
                            Map.of(PortalField.PROJECT_NAME, world.canary()))));
        });
    }

    private Optional<LeakMutations.Attempt> cloneInvisibleProject() {
        return someUser(u -> may(u, PortalModule.PROJECTS, "can_clone")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.projects.stream().filter(p -> !o.sees(p)).toList(), random).map(p -> attempt(
                    "clone by " + u.id() + " of invisible project " + p.id(), PortalRecordNotFound.class,
                    () -> services.projects().cloneProject(id(u), p.id(),
                            Map.of(PortalField.PROJECT_NAME, world.canary()))));
        });
    }

    /** A visible project the user did not create is not theirs to delete, confirmed or not (PRT-3). */
    private Optional<LeakMutations.Attempt> deleteStaffProject() {
        return someUser(u -> may(u, PortalModule.PROJECTS, "can_delete_own")).flatMap(u -> {
            LeakOracle o = oracle(u);
            return any(world.projects.stream().filter(p -> o.sees(p) && !u.id().equals(p.author())).toList(), random)
                    .map(p -> attempt("delete by " + u.id() + " of someone else's visible project " + p.id(),
                            PortalRecordNotFound.class,
                    () -> services.projects().deleteProject(id(u), p.id(), 0, true)));
        });
    }

    private Optional<LeakMutations.Attempt> createProjectWithoutRight() {
        return someUser(u -> !may(u, PortalModule.PROJECTS, "can_create")).map(u -> attempt("project by " + u.id()
                + " without the right", PortalRecordNotFound.class, () -> services.projects().createProject(id(u),
                Map.of(PortalField.PROJECT_NAME, world.canary()))));
    }

    // ------------------------------------------------------------------ allowed writes, then the oracle agrees

    private int successes() {
        int done = 0;
        for (int n = 0; n < 20 && done < SUCCESSES; n++) {
            Optional<User> found = someUser(u -> oracle(u).active());
            if (found.isEmpty()) {
                return done;
            }
            User u = found.get();
            LeakOracle o = oracle(u);
            switch (random.nextInt(4)) {
                case 0 -> {
                    Optional<Project> project = any(world.projects.stream().filter(o::sees).toList(), random);
                    if (project.isEmpty() || !may(u, PortalModule.COMMENTS, "can_create")) {
                        continue;
                    }
                    UUID id = services.interactions().comment(id(u), RecordRef.of(RecordKind.PROJECT, project.get().id()),
                            world.canary());
                    world.items.add(storedComment(RecordKind.PROJECT_COMMENT, id, project.get().id(), u));
                }
                case 1 -> {
                    Optional<Ticket> ticket = any(world.tickets.stream().filter(o::sees).toList(), random);
                    if (ticket.isEmpty() || !may(u, PortalModule.COMMENTS, "can_create")) {
                        continue;
                    }
                    UUID id = services.interactions().comment(id(u), RecordRef.of(RecordKind.TICKET, ticket.get().id()),
                            world.canary());
                    world.items.add(storedComment(RecordKind.TICKET_COMMENT, id, ticket.get().id(), u));
                }
                case 2 -> {
                    // EXP-5: a project of their own company; they are its only member (ACC-3), so only they see it.
                    UUID company = world.contacts.stream().filter(c -> c.id().equals(u.contact())).findFirst()
                            .map(c -> c.company()).orElse(null);
                    if (!may(u, PortalModule.PROJECTS, "can_create") || company == null || !o.scope().contains(company)) {
                        continue;
                    }
                    UUID id = services.projects().createProject(id(u), Map.of(PortalField.PROJECT_NAME, world.canary(),
                            PortalField.PROJECT_DESCRIPTION, world.canary(), PortalField.PROJECT_DUE_DATE, "2027-03-01"));
                    world.projects.add(services.jdbc().sql("select name, description, status, start_date, due_date"
                                    + " from project where id = :id").param("id", id)
                            .query((rs, r) -> new Project(id, company, u.id(), new LinkedHashSet<>(Set.of(u.id())),
                                    rs.getString("name"), rs.getString("description"), rs.getString("status"),
                                    rs.getObject("start_date", java.time.LocalDate.class),
                                    rs.getObject("due_date", java.time.LocalDate.class)))
                            .single());
                }
                default -> {
                    if (!may(u, PortalModule.TICKETS, "can_create") || o.scope().isEmpty()) {
                        continue;
                    }
                    UUID company = List.copyOf(o.scope()).get(random.nextInt(o.scope().size()));
                    UUID id = services.interactions().openTicket(id(u), new NewPortalTicket(company, world.canary(),
                            world.canary(), "URGENT"));
                    world.tickets.add(services.jdbc().sql("select number, subject, description, status, priority"
                                    + " from ticket where id = :id").param("id", id)
                            .query((rs, r) -> new Ticket(id, rs.getLong("number"), company, u.id(), u.contact(),
                                    new LinkedHashSet<>(Set.of(u.id())), rs.getString("subject"),
                                    rs.getString("description"), rs.getString("status"), rs.getString("priority")))
                            .single());
                }
            }
            done++;
        }
        return done;
    }

    /** The comment as stored (its body escaped to HTML, shared), by its portal author (ACC-11). */
    private Item storedComment(RecordKind kind, UUID id, UUID container, User author) {
        String table = kind == RecordKind.TICKET_COMMENT ? "ticket_comment" : "project_comment";
        return services.jdbc().sql("select body, shared from " + table + " where id = :id").param("id", id)
                .query((rs, n) -> new Item(kind, id, container, null, null, rs.getBoolean("shared"), author.id(), null,
                        rs.getString("body"), null, null, null, null, null))
                .single();
    }
}
