package dev.foyer.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.foyer.directory.CompanyId;
import dev.foyer.files.FilesException;
import dev.foyer.files.StoredFileId;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.LeakWorld.Company;
import dev.foyer.portal.LeakWorld.Contact;
import dev.foyer.portal.LeakWorld.Item;
import dev.foyer.portal.LeakWorld.Project;
import dev.foyer.portal.LeakWorld.StoredFile;
import dev.foyer.portal.LeakWorld.Ticket;
import dev.foyer.portal.LeakWorld.User;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectDetails;
import dev.foyer.projects.ProjectId;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.projects.ProjectsException;
import dev.foyer.shared.StaleVersionException;
import dev.foyer.tickets.TicketCommentId;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.TicketDetails;
import dev.foyer.tickets.TicketException;
import dev.foyer.tickets.TicketId;
import dev.foyer.tickets.Tickets;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 5 item 8, the leak suite's writes: the staff-side mutations that decide what portal users
 * see — portal members of projects and tickets, "Show on portal" on items, ticket comments and
 * files, moving a project or ticket to another company — tried on each generated organization.
 * <ul>
 * <li>A random sample that must be refused (ACC-3 out of scope, a staff user the service's
 * {@code requireX()} turns away, a forged id of another record, a stale version, a company in the
 * recycle bin): each must fail with the service's exception and leave every relevant table —
 * history and outbox included — exactly as it was (ACC-12, checksums before and after).</li>
 * <li>A random sample that must succeed: the in-memory model is changed in plain Java, and on the
 * very next read the component and the oracle must still agree for every portal user (ACC-9).</li>
 * </ul>
 * The model is changed in place, so the organization stays true for later tests that read it.
 * Every failure starts with the seed.
 */
final class LeakMutations {

    /** Refusals and successes tried per organization (kept small: 50 organizations run in every build). */
    static final int REFUSALS = 5;
    static final int SUCCESSES = 2;

    /**
     * Every table a mutation of portal visibility may write, with its history and the outbox, each
     * as a query of this organization's rows (the database holds every seed's organization, so a
     * whole-table checksum would grow with the seeds). A row added to the organization is caught
     * too: rows are found by their project, ticket or owner, not by their own ids.
     */
    static final Map<String, String> TABLES = tables();
    private static final String CHECKSUMS = TABLES.entrySet().stream()
            .map(t -> "select '" + t.getKey() + "' as name, " + t.getValue())
            .collect(Collectors.joining(" union all "));

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        String rows = "md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as sum from ";
        tables.put("project", rows + "project x where id = any(cast(:projects as uuid[]))");
        for (String t : List.of("project_staff_member", "project_portal_member", "task_list", "task", "milestone",
                "project_update", "project_document", "project_event", "project_comment")) {
            tables.put(t, rows + t + " x where project_id = any(cast(:projects as uuid[]))");
        }
        tables.put("ticket", rows + "ticket x where id = any(cast(:tickets as uuid[]))");
        for (String t : List.of("ticket_staff_member", "ticket_portal_member", "ticket_comment")) {
            tables.put(t, rows + t + " x where ticket_id = any(cast(:tickets as uuid[]))");
        }
        tables.put("stored_file", rows + "stored_file x where owner_id = any(cast(:owners as uuid[]))");
        tables.put("portal_user", rows + "portal_user x where id = any(cast(:users as uuid[]))");
        tables.put("record_change", rows + "record_change x where record_id = any(cast(:records as uuid[]))");
        // The outbox only ever gains rows here; its worker may update rows of other tests meanwhile.
        tables.put("mail_outbox", "cast(count(*) as text) as sum from mail_outbox");
        return tables;
    }

    private static final List<RecordKind> SHAREABLE = List.of(RecordKind.TASK, RecordKind.MILESTONE,
            RecordKind.UPDATE, RecordKind.DOCUMENT, RecordKind.EVENT, RecordKind.PROJECT_COMMENT);

    /**
     * Who acts: a manager (changes portal members, moves records), a member on the staff of one
     * project and one ticket of each organization (the "worker"), and a member on nothing.
     */
    record Staff(StaffPrincipal manager, StaffPrincipal worker, StaffPrincipal outsider) {
    }

    /** The services whose writes decide what portal users see. */
    record Writers(PortalMemberships memberships, Projects projects, ProjectItems items, Tickets tickets,
                   TicketComments comments, StoredFiles files, PortalReads reads, JdbcClient jdbc) {
    }

    /** A mutation that must be refused with {@code refusedWith} (and, when not null, that message key). */
    record Attempt(String what, Class<? extends RuntimeException> refusedWith, String messageKey, Runnable action) {
    }

    private final LeakWorld world;
    private final Writers writers;
    private final Staff staff;
    private final Random random;
    private final List<String> failures = new ArrayList<>();
    private final Project workerProject;
    private final Ticket workerTicket;

    private LeakMutations(LeakWorld world, Writers writers, Staff staff) {
        this.world = world;
        this.writers = writers;
        this.staff = staff;
        this.random = new Random(world.seed * 31 + 12);
        this.workerProject = pick(world.projects);
        this.workerTicket = world.tickets.stream().filter(t -> live(t.company())).findFirst().orElse(null);
        // The worker is on this project's and this ticket's staff (set up straight in the tables, like the world).
        writers.jdbc().sql("insert into project_staff_member (project_id, staff_user_id, created_at) values (:p, :s, now())"
                        + " on conflict do nothing")
                .param("p", workerProject.id()).param("s", staff.worker().id().value()).update();
        if (workerTicket != null) {
            writers.jdbc().sql("insert into ticket_staff_member (ticket_id, staff_user_id) values (:t, :s)"
                            + " on conflict do nothing")
                    .param("t", workerTicket.id()).param("s", staff.worker().id().value()).update();
        }
    }

    /** Every failure found for this organization (empty when every refusal changed nothing and every read agreed). */
    static List<String> run(LeakWorld world, Writers writers, Staff staff) {
        LeakMutations run = on(world, writers, staff);
        try {
            run.refusals();
            run.successes();
        } catch (RuntimeException e) {
            run.fail("the write checks broke: " + e);
        }
        return run.failures;
    }

    /** The checks for one organization, to try single attempts (the suite's own tests). */
    static LeakMutations on(LeakWorld world, Writers writers, Staff staff) {
        return new LeakMutations(world, writers, staff);
    }

    List<String> failures() {
        return failures;
    }

    private void fail(String what) {
        failures.add("seed " + world.seed + ": " + what);
    }

    // ------------------------------------------------------------------ ACC-12: refused, and nothing changed

    private void refusals() {
        List<Supplier<Attempt>> candidates = new ArrayList<>(List.of(
                this::outOfScopeMember, this::outOfScopeMember, this::unknownPortalUser, this::memberChangesMembers,
                this::memberChangesMembers, this::notOnStaffShares, this::forgedItem, this::forgedTicketComment,
                this::staleItem, this::staleFile, this::notOnStaffSharesFile, this::notEditorSharesTicketComment,
                this::notManagerMovesProject, this::staleProjectMove, this::projectToRecycledCompany,
                this::notEditorMovesTicket, this::staleTicketMove, this::ticketToRecycledCompany,
                this::taskListHasNoSwitch));
        Collections.shuffle(candidates, random);
        int tried = 0;
        Map<String, String> before = checksums();
        for (Supplier<Attempt> candidate : candidates) {
            if (tried == REFUSALS) {
                break;
            }
            Attempt attempt;
            try {
                attempt = candidate.get();
            } catch (NotApplicable e) {
                continue;
            }
            if (attempt == null) {
                continue;
            }
            tried++;
            before = refused(attempt, before);
        }
    }

    /**
     * Runs the attempt and checks it was refused as expected and changed nothing; answers the
     * checksums after it (the next attempt's "before").
     */
    Map<String, String> refused(Attempt attempt, Map<String, String> before) {
        try {
            attempt.action().run();
            fail("not refused: " + attempt.what());
        } catch (RuntimeException e) {
            if (!attempt.refusedWith().isInstance(e)) {
                fail("refused with " + e + " instead of " + attempt.refusedWith().getSimpleName() + ": " + attempt.what());
            } else if (attempt.messageKey() != null && !keys(e).contains(attempt.messageKey())) {
                fail("refused with " + keys(e) + " instead of " + attempt.messageKey() + ": " + attempt.what());
            }
        }
        Map<String, String> after = checksums();
        List<String> changed = TABLES.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
        if (!changed.isEmpty()) {
            fail("ACC-12: " + attempt.what() + " changed " + changed);
        }
        return after;
    }

    /** This organization's rows, one checksum per table. */
    Map<String, String> checksums() {
        List<UUID> owners = new ArrayList<>();
        world.projects.forEach(p -> owners.add(p.id()));
        world.tickets.forEach(t -> owners.add(t.id()));
        world.items.forEach(i -> owners.add(i.id()));
        List<UUID> records = new ArrayList<>(owners);
        world.files.forEach(f -> records.add(f.id()));
        world.users.forEach(u -> records.add(u.id()));
        Map<String, String> sums = new LinkedHashMap<>();
        writers.jdbc().sql(CHECKSUMS)
                .param("projects", ids(world.projects.stream().map(Project::id).toList()))
                .param("tickets", ids(world.tickets.stream().map(Ticket::id).toList()))
                .param("owners", ids(owners))
                .param("users", ids(world.users.stream().map(User::id).toList()))
                .param("records", ids(records))
                .query((rs, n) -> sums.put(rs.getString("name"), rs.getString("sum"))).list();
        return sums;
    }

    private static String[] ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static Collection<String> keys(RuntimeException e) {
        return switch (e) {
            case PortalException p -> p.problems().values();
            case ProjectsException p -> p.problems().values();
            case TicketException t -> t.problems().values();
            case FilesException f -> f.problems().values();
            default -> List.of();
        };
    }

    /** ACC-3: a portal user outside the record's company and consolidated account is never added. */
    private Attempt outOfScopeMember() {
        boolean project = random.nextBoolean();
        UUID record = project ? pick(world.projects).id() : pick(world.tickets).id();
        UUID company = project ? projectById(record).company() : ticketById(record).company();
        Set<UUID> members = project ? projectById(record).members() : ticketById(record).members();
        List<User> outside = world.users.stream().filter(u -> !eligible(u, company) && !members.contains(u.id())).toList();
        if (outside.isEmpty()) {
            return null;
        }
        User user = pick(outside);
        Contact contact = contact(user.contact());
        // A ticket of a company in the recycle bin is not found at all; a binned contact is no one to add.
        String key = !project && !live(company) ? "record.error.notFound"
                : contact.deleted() ? "portal.member.error.unknown" : "portal.member.error.outOfScope";
        MembershipKind kind = project ? MembershipKind.PROJECT : MembershipKind.TICKET;
        return new Attempt("ACC-3 manager adds out-of-scope portal user " + user.id() + " (" + user.kind() + ") to "
                + kind + " " + record, PortalException.class, key,
                () -> writers.memberships().add(staff.manager(), kind, record, new PortalUserId(user.id())));
    }

    private Attempt unknownPortalUser() {
        Project project = pick(world.projects);
        UUID forged = new UUID(random.nextLong(), random.nextLong());
        return new Attempt("manager adds unknown portal user " + forged + " to project " + project.id(),
                PortalException.class, "portal.member.error.unknown",
                () -> writers.memberships().add(staff.manager(), MembershipKind.PROJECT, project.id(),
                        new PortalUserId(forged)));
    }

    /** Only admins and managers choose a project's portal members; only a ticket's editors a ticket's. */
    private Attempt memberChangesMembers() {
        boolean project = random.nextBoolean();
        StaffPrincipal actor;
        UUID record;
        Set<UUID> members;
        UUID company;
        if (project) {
            actor = random.nextBoolean() ? staff.worker() : staff.outsider();
            Project p = actor == staff.worker() ? workerProject : pick(world.projects);
            record = p.id();
            members = p.members();
            company = p.company();
        } else {
            actor = staff.outsider();
            List<Ticket> live = world.tickets.stream().filter(t -> live(t.company())).toList();
            Ticket t = pick(live);
            record = t.id();
            members = t.members();
            company = t.company();
        }
        MembershipKind kind = project ? MembershipKind.PROJECT : MembershipKind.TICKET;
        String who = actor == staff.worker() ? "project staff member (not a manager)" : "staff member on nothing";
        if (random.nextBoolean() && !members.isEmpty()) {
            UUID member = pick(List.copyOf(members));
            return new Attempt(who + " removes portal member " + member + " from " + kind + " " + record,
                    AccessDeniedException.class, null,
                    () -> writers.memberships().remove(actor, kind, record, new PortalUserId(member)));
        }
        List<User> eligible = world.users.stream().filter(u -> eligible(u, company) && !members.contains(u.id())).toList();
        User user = eligible.isEmpty() ? pick(world.users) : pick(eligible);
        return new Attempt(who + " adds portal user " + user.id() + " to " + kind + " " + record,
                AccessDeniedException.class, null,
                () -> writers.memberships().add(actor, kind, record, new PortalUserId(user.id())));
    }

    /** A member changes the items of the projects they are on only (ProjectAccess.requireWork). */
    private Attempt notOnStaffShares() {
        StaffPrincipal actor = random.nextBoolean() ? staff.worker() : staff.outsider();
        List<Item> items = shareableItems().stream()
                .filter(i -> actor == staff.outsider() || !i.container().equals(workerProject.id())).toList();
        if (items.isEmpty()) {
            return null;
        }
        Item item = pick(items);
        return new Attempt("staff member not on project " + item.container() + " sets " + item.kind() + " " + item.id()
                + " shared=" + !item.shared(), AccessDeniedException.class, null,
                () -> writers.items().setShared(actor, new ProjectId(item.container()), itemKind(item.kind()), item.id(),
                        version(item), !item.shared()));
    }

    /** An item of another project passed with this project's id (which the actor may work on). */
    private Attempt forgedItem() {
        StaffPrincipal actor = random.nextBoolean() ? staff.worker() : staff.manager();
        Project project = actor == staff.worker() ? workerProject : pick(world.projects);
        List<Item> elsewhere = shareableItems().stream().filter(i -> !i.container().equals(project.id())).toList();
        Item item = pick(elsewhere);
        return new Attempt((actor == staff.worker() ? "project staff member" : "manager") + " passes " + item.kind()
                + " " + item.id() + " of project " + item.container() + " with project " + project.id(),
                ProjectsException.class, "record.error.notFound",
                () -> writers.items().setShared(actor, new ProjectId(project.id()), itemKind(item.kind()), item.id(),
                        version(item), !item.shared()));
    }

    private Attempt forgedTicketComment() {
        StaffPrincipal actor = random.nextBoolean() ? staff.worker() : staff.manager();
        Ticket ticket = actor == staff.worker() && workerTicket != null ? workerTicket
                : pick(world.tickets.stream().filter(t -> live(t.company())).toList());
        List<Item> elsewhere = world.items.stream().filter(i -> i.kind() == RecordKind.TICKET_COMMENT
                && !i.container().equals(ticket.id())).toList();
        Item comment = pick(elsewhere);
        return new Attempt("passes ticket comment " + comment.id() + " of ticket " + comment.container()
                + " with ticket " + ticket.id(), TicketException.class, "record.error.notFound",
                () -> writers.comments().setShared(actor, new TicketId(ticket.id()), new TicketCommentId(comment.id()),
                        version(comment), !comment.shared()));
    }

    private Attempt staleItem() {
        StaffPrincipal actor = random.nextBoolean() ? staff.worker() : staff.manager();
        List<Item> items = shareableItems().stream()
                .filter(i -> actor == staff.manager() || i.container().equals(workerProject.id())).toList();
        Item item = pick(items);
        long stale = version(item) + 1 + random.nextInt(3);
        return new Attempt("stale version " + stale + " of " + item.kind() + " " + item.id(),
                StaleVersionException.class, null,
                () -> writers.items().setShared(actor, new ProjectId(item.container()), itemKind(item.kind()), item.id(),
                        stale, !item.shared()));
    }

    private Attempt staleFile() {
        List<StoredFile> readable = world.files.stream().filter(this::ownerReadable).toList();
        if (readable.isEmpty()) {
            return null;
        }
        StoredFile file = pick(readable);
        long stale = version("stored_file", file.id()) + 1;
        return new Attempt("stale version " + stale + " of file " + file.id(), StaleVersionException.class, null,
                () -> writers.files().setShared(staff.manager(), new StoredFileId(file.id()), stale, !file.shared()));
    }

    /** Files of a project, update or document are shared by those who work on the project. */
    private Attempt notOnStaffSharesFile() {
        StaffPrincipal actor = random.nextBoolean() ? staff.worker() : staff.outsider();
        List<StoredFile> files = world.files.stream().filter(f -> !f.ownerType().equals("ticket"))
                .filter(f -> actor == staff.outsider() || !projectOf(f).equals(workerProject.id())).toList();
        if (files.isEmpty()) {
            return null;
        }
        StoredFile file = pick(files);
        return new Attempt("staff member not on project " + projectOf(file) + " sets file " + file.id() + " shared="
                + !file.shared(), AccessDeniedException.class, null,
                () -> writers.files().setShared(actor, new StoredFileId(file.id()), version("stored_file", file.id()),
                        !file.shared()));
    }

    private Attempt notEditorSharesTicketComment() {
        List<Item> comments = world.items.stream().filter(i -> i.kind() == RecordKind.TICKET_COMMENT
                && live(ticketById(i.container()).company())).toList();
        if (comments.isEmpty()) {
            return null;
        }
        Item comment = pick(comments);
        return new Attempt("staff member not on ticket " + comment.container() + " sets comment " + comment.id()
                + " shared=" + !comment.shared(), AccessDeniedException.class, null,
                () -> writers.comments().setShared(staff.outsider(), new TicketId(comment.container()),
                        new TicketCommentId(comment.id()), version(comment), !comment.shared()));
    }

    private Attempt notManagerMovesProject() {
        StaffPrincipal actor = random.nextBoolean() ? staff.worker() : staff.outsider();
        Project project = actor == staff.worker() ? workerProject : pick(world.projects);
        Company to = pick(liveCompaniesOtherThan(project.company()));
        return new Attempt("staff member (not a manager) moves project " + project.id() + " to company " + to.id(),
                AccessDeniedException.class, null,
                () -> writers.projects().update(actor, new ProjectId(project.id()), version("project", project.id()),
                        movedProject(project, to.id())));
    }

    private Attempt staleProjectMove() {
        Project project = pick(world.projects);
        Company to = pick(liveCompaniesOtherThan(project.company()));
        long stale = version("project", project.id()) + 1;
        return new Attempt("stale version " + stale + " moving project " + project.id(), StaleVersionException.class,
                null, () -> writers.projects().update(staff.manager(), new ProjectId(project.id()), stale,
                        movedProject(project, to.id())));
    }

    private Attempt projectToRecycledCompany() {
        Project project = pick(world.projects);
        Company binned = world.companies.getFirst();
        if (binned.id().equals(project.company())) {
            return null;
        }
        return new Attempt("manager moves project " + project.id() + " to company " + binned.id()
                + " in the recycle bin", ProjectsException.class, "project.error.company",
                () -> writers.projects().update(staff.manager(), new ProjectId(project.id()),
                        version("project", project.id()), movedProject(project, binned.id())));
    }

    private Attempt notEditorMovesTicket() {
        Ticket ticket = pick(world.tickets.stream().filter(t -> live(t.company())).toList());
        Company to = pick(liveCompaniesOtherThan(ticket.company()));
        return new Attempt("staff member not on ticket " + ticket.id() + " moves it to company " + to.id(),
                AccessDeniedException.class, null,
                () -> writers.tickets().update(staff.outsider(), new TicketId(ticket.id()), version("ticket", ticket.id()),
                        movedTicket(ticket, to.id())));
    }

    private Attempt staleTicketMove() {
        Ticket ticket = pick(world.tickets.stream().filter(t -> live(t.company())).toList());
        Company to = pick(liveCompaniesOtherThan(ticket.company()));
        long stale = version("ticket", ticket.id()) + 1;
        return new Attempt("stale version " + stale + " moving ticket " + ticket.id(), StaleVersionException.class, null,
                () -> writers.tickets().update(staff.manager(), new TicketId(ticket.id()), stale,
                        movedTicket(ticket, to.id())));
    }

    private Attempt ticketToRecycledCompany() {
        Ticket ticket = pick(world.tickets.stream().filter(t -> live(t.company())).toList());
        Company binned = world.companies.getFirst();
        return new Attempt("manager moves ticket " + ticket.id() + " to company " + binned.id() + " in the recycle bin",
                TicketException.class, "ticket.error.company",
                () -> writers.tickets().update(staff.manager(), new TicketId(ticket.id()), version("ticket", ticket.id()),
                        movedTicket(ticket, binned.id())));
    }

    /** ACC-4: a task list is shown while it holds a shared task; it has no switch of its own. */
    private Attempt taskListHasNoSwitch() {
        Item list = pick(world.items.stream().filter(i -> i.kind() == RecordKind.TASK_LIST).toList());
        return new Attempt("manager sets task list " + list.id() + " shared", ProjectsException.class,
                "record.error.notFound",
                () -> writers.items().setShared(staff.manager(), new ProjectId(list.container()), ItemKind.TASK_LIST,
                        list.id(), version("task_list", list.id()), true));
    }

    // ------------------------------------------------------------------ ACC-9: allowed, and the next read agrees

    private void successes() {
        List<Runnable> candidates = new ArrayList<>(List.of(this::addMember, this::removeMember, this::shareItem,
                this::shareItem, this::shareTicketComment, this::shareFile, this::moveProject, this::moveTicket));
        Collections.shuffle(candidates, random);
        int tried = 0;
        for (Runnable candidate : candidates) {
            if (tried == SUCCESSES) {
                break;
            }
            try {
                candidate.run();
                tried++;
            } catch (NotApplicable e) {
                // This organization has nothing to try it on (e.g. a single live company); the next kind.
            }
        }
    }

    /** Runs a mutation that must succeed; on success changes the model and re-reads for every portal user. */
    private void succeeds(String what, Runnable mutation, Runnable model, Runnable recheck) {
        try {
            mutation.run();
        } catch (RuntimeException e) {
            fail("refused but allowed: " + what + ": " + e);
            return;
        }
        model.run();
        int found = failures.size();
        recheck.run();
        for (int i = found; i < failures.size(); i++) {
            failures.set(i, failures.get(i) + " (ACC-9, right after: " + what + ")");
        }
    }

    private void addMember() {
        boolean project = random.nextBoolean();
        List<UUID> records = project ? world.projects.stream().map(Project::id).toList()
                : world.tickets.stream().filter(t -> live(t.company())).map(Ticket::id).toList();
        for (UUID record : shuffled(records)) {
            UUID company = project ? projectById(record).company() : ticketById(record).company();
            Set<UUID> members = project ? projectById(record).members() : ticketById(record).members();
            List<User> eligible = world.users.stream().filter(u -> eligible(u, company) && !members.contains(u.id()))
                    .toList();
            if (!eligible.isEmpty()) {
                User user = pick(eligible);
                MembershipKind kind = project ? MembershipKind.PROJECT : MembershipKind.TICKET;
                succeeds("manager adds portal user " + user.id() + " to " + kind + " " + record,
                        () -> writers.memberships().add(staff.manager(), kind, record, new PortalUserId(user.id())),
                        () -> members.add(user.id()),
                        () -> recheckRecord(project, record, user.id()));
                return;
            }
        }
        throw new NotApplicable();
    }

    private void removeMember() {
        boolean project = random.nextBoolean();
        List<UUID> records = project ? world.projects.stream().filter(p -> !p.members().isEmpty()).map(Project::id).toList()
                : world.tickets.stream().filter(t -> live(t.company()) && !t.members().isEmpty()).map(Ticket::id).toList();
        UUID record = pick(records);
        Set<UUID> members = project ? projectById(record).members() : ticketById(record).members();
        UUID member = pick(List.copyOf(members));
        MembershipKind kind = project ? MembershipKind.PROJECT : MembershipKind.TICKET;
        succeeds("manager removes portal member " + member + " from " + kind + " " + record,
                () -> writers.memberships().remove(staff.manager(), kind, record, new PortalUserId(member)),
                () -> members.remove(member),
                () -> recheckRecord(project, record, member));
    }

    private void shareItem() {
        StaffPrincipal actor = random.nextBoolean() ? staff.worker() : staff.manager();
        List<Item> items = shareableItems().stream()
                .filter(i -> actor == staff.manager() || i.container().equals(workerProject.id())).toList();
        Item item = pick(items);
        succeeds((actor == staff.worker() ? "project staff member" : "manager") + " sets " + item.kind() + " "
                        + item.id() + " shared=" + !item.shared(),
                () -> writers.items().setShared(actor, new ProjectId(item.container()), itemKind(item.kind()), item.id(),
                        version(item), !item.shared()),
                () -> replace(world.items, item, withShared(item, !item.shared())),
                () -> recheckItem(item.id()));
    }

    private void shareTicketComment() {
        Item comment = pick(world.items.stream().filter(i -> i.kind() == RecordKind.TICKET_COMMENT
                && live(ticketById(i.container()).company())).toList());
        StaffPrincipal actor = workerTicket != null && comment.container().equals(workerTicket.id()) ? staff.worker()
                : staff.manager();
        succeeds("sets ticket comment " + comment.id() + " shared=" + !comment.shared(),
                () -> writers.comments().setShared(actor, new TicketId(comment.container()),
                        new TicketCommentId(comment.id()), version(comment), !comment.shared()),
                () -> replace(world.items, comment, withShared(comment, !comment.shared())),
                () -> recheckItem(comment.id()));
    }

    private void shareFile() {
        List<StoredFile> readable = world.files.stream().filter(this::ownerReadable).toList();
        StoredFile file = pick(readable);
        succeeds("manager sets file " + file.id() + " shared=" + !file.shared(),
                () -> writers.files().setShared(staff.manager(), new StoredFileId(file.id()),
                        version("stored_file", file.id()), !file.shared()),
                () -> replace(world.files, file, new StoredFile(file.id(), file.ownerType(), file.owner(), file.type(),
                        !file.shared(), file.author(), file.name(), file.size())),
                () -> recheckFile(file.id()));
    }

    private void moveProject() {
        Project project = pick(world.projects);
        Company to = pick(liveCompaniesOtherThan(project.company()));
        succeeds("manager moves project " + project.id() + " to company " + to.id(),
                () -> writers.projects().update(staff.manager(), new ProjectId(project.id()),
                        version("project", project.id()), movedProject(project, to.id())),
                () -> replace(world.projects, project, new Project(project.id(), to.id(), project.author(),
                        project.members(), project.name(), project.description(), project.status(), project.start(),
                        project.due())),
                () -> recheckRecord(true, project.id(), null));
    }

    private void moveTicket() {
        Ticket ticket = pick(world.tickets.stream().filter(t -> live(t.company())).toList());
        Company to = pick(liveCompaniesOtherThan(ticket.company()));
        succeeds("manager moves ticket " + ticket.id() + " to company " + to.id(),
                () -> writers.tickets().update(staff.manager(), new TicketId(ticket.id()), version("ticket", ticket.id()),
                        movedTicket(ticket, to.id())),
                () -> replace(world.tickets, ticket, new Ticket(ticket.id(), ticket.number(), to.id(), ticket.author(),
                        ticket.contact(), ticket.members(), ticket.subject(), ticket.description(), ticket.status(),
                        ticket.priority())),
                () -> recheckRecord(false, ticket.id(), null));
    }

    // ------------------------------------------------------------------ the next read, for every portal user

    /**
     * The record by id for every portal user, and its lists for everyone who may be affected: its
     * portal members (only members see it, ACC-3) and {@code changed} (a user just added or removed).
     */
    private void recheckRecord(boolean project, UUID id, UUID changed) {
        Set<UUID> members = new HashSet<>(project ? projectById(id).members() : ticketById(id).members());
        if (changed != null) {
            members.add(changed);
        }
        for (User user : world.users) {
            LeakOracle oracle = new LeakOracle(world, user);
            PortalUserId viewer = new PortalUserId(user.id());
            if (project) {
                compareOne(user, "project " + id, oracle.project(projectById(id)), writers.reads().project(viewer, id));
            } else {
                compareOne(user, "ticket " + id, oracle.ticket(ticketById(id)), writers.reads().ticket(viewer, id));
            }
            if (!members.contains(user.id())) {
                continue;
            }
            if (project) {
                compareList(user, "projects", world.projects.stream().map(oracle::project).flatMap(Optional::stream).toList(),
                        writers.reads().projects(viewer, PageRequest.of(0, 100)));
                RecordKind kind = pick(SHAREABLE);
                compareList(user, kind + " of project " + id, expectedItems(oracle, kind, id),
                        writers.reads().projectItems(viewer, id, kind, PageRequest.of(0, 100)));
                compareList(user, "files of project " + id, expectedFiles(oracle, "project", id),
                        writers.reads().files(viewer, RecordRef.of(RecordKind.PROJECT, id), PageRequest.of(0, 100)));
            } else {
                compareList(user, "tickets", world.tickets.stream().map(oracle::ticket).flatMap(Optional::stream).toList(),
                        writers.reads().tickets(viewer, PageRequest.of(0, 100)));
                compareList(user, "comments of ticket " + id, expectedItems(oracle, RecordKind.TICKET_COMMENT, id),
                        writers.reads().ticketComments(viewer, id, PageRequest.of(0, 100)));
                compareList(user, "files of ticket " + id, expectedFiles(oracle, "ticket", id),
                        writers.reads().files(viewer, RecordRef.of(RecordKind.TICKET, id), PageRequest.of(0, 100)));
            }
        }
    }

    /** The item by id for every portal user; the lists it is in for those who see its project or ticket. */
    private void recheckItem(UUID id) {
        Item item = world.items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        for (User user : world.users) {
            LeakOracle oracle = new LeakOracle(world, user);
            PortalUserId viewer = new PortalUserId(user.id());
            compareOne(user, item.kind() + " " + id, oracle.item(item), writers.reads().item(viewer, RecordRef.of(item.kind(), id)));
            if (item.kind() == RecordKind.TICKET_COMMENT) {
                if (oracle.sees(ticketById(item.container()))) {
                    compareList(user, "comments of ticket " + item.container(),
                            expectedItems(oracle, RecordKind.TICKET_COMMENT, item.container()),
                            writers.reads().ticketComments(viewer, item.container(), PageRequest.of(0, 100)));
                }
                continue;
            }
            Project project = projectById(item.container());
            if (!oracle.sees(project)) {
                continue;
            }
            // The project's task counts, the list of the item's kind, task lists (ACC-4) and the comments on it.
            compareOne(user, "project " + project.id(), oracle.project(project), writers.reads().project(viewer, project.id()));
            List<RecordKind> kinds = item.kind() == RecordKind.TASK ? List.of(RecordKind.TASK, RecordKind.TASK_LIST)
                    : List.of(item.kind());
            for (RecordKind kind : kinds) {
                compareList(user, kind + " of project " + project.id(), expectedItems(oracle, kind, project.id()),
                        writers.reads().projectItems(viewer, project.id(), kind, PageRequest.of(0, 100)));
            }
            if (item.kind() != RecordKind.PROJECT_COMMENT
                    && world.items.stream().anyMatch(c -> c.kind() == RecordKind.PROJECT_COMMENT && id.equals(c.parent()))) {
                compareList(user, "comments of project " + project.id(),
                        expectedItems(oracle, RecordKind.PROJECT_COMMENT, project.id()),
                        writers.reads().projectItems(viewer, project.id(), RecordKind.PROJECT_COMMENT, PageRequest.of(0, 100)));
            }
            if (item.kind() == RecordKind.UPDATE || item.kind() == RecordKind.DOCUMENT) {
                String ownerType = item.kind() == RecordKind.UPDATE ? "project-update" : "project-document";
                compareList(user, "files of " + item.kind() + " " + id, expectedFiles(oracle, ownerType, id),
                        writers.reads().files(viewer, RecordRef.of(item.kind(), id), PageRequest.of(0, 100)));
            }
        }
    }

    private void recheckFile(UUID id) {
        StoredFile file = world.files.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
        RecordKind ownerKind = switch (file.ownerType()) {
            case "project" -> RecordKind.PROJECT;
            case "ticket" -> RecordKind.TICKET;
            case "project-update" -> RecordKind.UPDATE;
            default -> RecordKind.DOCUMENT;
        };
        for (User user : world.users) {
            LeakOracle oracle = new LeakOracle(world, user);
            PortalUserId viewer = new PortalUserId(user.id());
            compareOne(user, "file " + id, oracle.file(file), writers.reads().file(viewer, id));
            boolean ownerVisible = switch (ownerKind) {
                case PROJECT -> oracle.sees(projectById(file.owner()));
                case TICKET -> oracle.sees(ticketById(file.owner()));
                default -> oracle.sees(world.items.stream().filter(i -> i.id().equals(file.owner())).findFirst().orElseThrow());
            };
            if (ownerVisible) {
                compareList(user, "files of " + file.ownerType() + " " + file.owner(),
                        expectedFiles(oracle, file.ownerType(), file.owner()),
                        writers.reads().files(viewer, RecordRef.of(ownerKind, file.owner()), PageRequest.of(0, 100)));
            }
        }
    }

    private List<PortalItem> expectedItems(LeakOracle oracle, RecordKind kind, UUID container) {
        return world.items.stream().filter(i -> i.kind() == kind && i.container().equals(container))
                .map(oracle::item).flatMap(Optional::stream).toList();
    }

    private List<PortalFile> expectedFiles(LeakOracle oracle, String ownerType, UUID owner) {
        return world.files.stream().filter(f -> f.ownerType().equals(ownerType) && f.owner().equals(owner))
                .map(oracle::file).flatMap(Optional::stream).toList();
    }

    private <T> void compareOne(User user, String what, Optional<T> expected, Optional<T> actual) {
        if (!expected.equals(actual)) {
            fail("portal user " + user.id() + ": " + what + " by id: expected " + expected + " but read " + actual);
        }
    }

    private <T> void compareList(User user, String what, List<T> expected, Page<T> page) {
        if (page.getTotalElements() != expected.size() || !new HashSet<>(page.getContent()).equals(new HashSet<>(expected))
                || page.getContent().size() != expected.size()) {
            fail("portal user " + user.id() + ": " + what + ": read " + page.getTotalElements() + " " + page.getContent()
                    + ", expected " + expected.size() + " " + expected);
        }
    }

    // ------------------------------------------------------------------ the model, in plain Java

    /** A random element; an empty list means the kind of write does not apply to this organization. */
    private <T> T pick(List<T> from) {
        if (from.isEmpty()) {
            throw new NotApplicable();
        }
        return from.get(random.nextInt(from.size()));
    }

    /** Thrown by {@link #pick} when there is nothing to choose from: that kind of write is skipped. */
    private static final class NotApplicable extends RuntimeException {
        NotApplicable() {
            super(null, null, false, false);
        }
    }

    private <T> List<T> shuffled(List<T> from) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static <T> void replace(List<T> list, T old, T replacement) {
        list.set(list.indexOf(old), replacement);
    }

    private static Item withShared(Item i, boolean shared) {
        return new Item(i.kind(), i.id(), i.container(), i.parent(), i.parentKind(), shared, i.author(), i.title(),
                i.body(), i.status(), i.due(), i.done(), i.starts(), i.ends());
    }

    private List<Item> shareableItems() {
        return world.items.stream().filter(i -> SHAREABLE.contains(i.kind())).toList();
    }

    private Company company(UUID id) {
        return world.companies.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private Contact contact(UUID id) {
        return world.contacts.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private boolean live(UUID company) {
        return !company(company).deleted();
    }

    private List<Company> liveCompaniesOtherThan(UUID company) {
        return world.companies.stream().filter(c -> !c.deleted() && !c.id().equals(company)).toList();
    }

    private Project projectById(UUID id) {
        return world.projects.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private Ticket ticketById(UUID id) {
        return world.tickets.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * ACC-3 from PRODUCT.md, over the model: a live contact of a live company that is the record's
     * (live) company, or — for a consolidated user — in the same live consolidated account.
     */
    private boolean eligible(User user, UUID recordCompany) {
        Contact contact = contact(user.contact());
        Company own = company(contact.company());
        Company record = company(recordCompany);
        if (contact.deleted() || own.deleted() || record.deleted()) {
            return false;
        }
        return own.id().equals(record.id()) || (user.kind() == PortalUserKind.CONSOLIDATED && own.account() != null
                && own.account().equals(record.account()));
    }

    /** The project a file belongs to (its own, or its update's or document's). */
    private UUID projectOf(StoredFile file) {
        return file.ownerType().equals("project") ? file.owner()
                : world.items.stream().filter(i -> i.id().equals(file.owner())).findFirst().orElseThrow().container();
    }

    /** Staff see the files of every project, and of tickets whose company is not in the recycle bin. */
    private boolean ownerReadable(StoredFile file) {
        return !file.ownerType().equals("ticket") || live(ticketById(file.owner()).company());
    }

    private static ItemKind itemKind(RecordKind kind) {
        return switch (kind) {
            case TASK_LIST -> ItemKind.TASK_LIST;
            case TASK -> ItemKind.TASK;
            case MILESTONE -> ItemKind.MILESTONE;
            case UPDATE -> ItemKind.UPDATE;
            case DOCUMENT -> ItemKind.DOCUMENT;
            case EVENT -> ItemKind.EVENT;
            case PROJECT_COMMENT -> ItemKind.COMMENT;
            default -> throw new IllegalArgumentException(kind + " is not a project item");
        };
    }

    private long version(Item item) {
        return version(item.kind() == RecordKind.TICKET_COMMENT ? "ticket_comment" : itemKind(item.kind()).table(),
                item.id());
    }

    /** The row's version as the database has it now (successes move it on). */
    private long version(String table, UUID id) {
        return writers.jdbc().sql("select version from " + table + " where id = :id").param("id", id)
                .query(Long.class).single();
    }

    private ProjectDetails movedProject(Project project, UUID company) {
        return new ProjectDetails(new CompanyId(company), project.name(), project.description(),
                dev.foyer.projects.ProjectStatus.valueOf(project.status()), project.start(), project.due(), null);
    }

    private TicketDetails movedTicket(Ticket ticket, UUID company) {
        return new TicketDetails(new CompanyId(company), ticket.subject(), ticket.description(),
                dev.foyer.tickets.TicketPriority.valueOf(ticket.priority()), null, null);
    }
}
