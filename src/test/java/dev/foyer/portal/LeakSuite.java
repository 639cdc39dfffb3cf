package dev.foyer.portal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.foyer.portal.LeakWorld.Finance;
import dev.foyer.portal.LeakWorld.Item;
import dev.foyer.portal.LeakWorld.Project;
import dev.foyer.portal.LeakWorld.StoredFile;
import dev.foyer.portal.LeakWorld.Ticket;
import dev.foyer.portal.LeakWorld.User;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

/**
 * Reads everything of one generated organization through the component, for every portal user, and
 * compares with {@link LeakOracle}: every list page by page (totals, no duplicates, the exact
 * records), every record by id — every id of the organization on every read path, so other
 * companies' ids are swapped in everywhere — the children of visible and of invisible parents,
 * file checks, and the explanation. Then it searches everything returned for canaries the user
 * may not see. Every failure starts with the seed.
 */
final class LeakSuite {

    private static final Pattern CANARY = Pattern.compile("CANARY-\\d+-\\d+~");
    private static final List<RecordKind> PROJECT_ITEMS = List.of(RecordKind.TASK_LIST, RecordKind.TASK,
            RecordKind.MILESTONE, RecordKind.UPDATE, RecordKind.DOCUMENT, RecordKind.EVENT, RecordKind.PROJECT_COMMENT);

    private final LeakWorld world;
    private final PortalReads reads;
    private final List<String> failures = new ArrayList<>();

    private LeakSuite(LeakWorld world, PortalReads reads) {
        this.world = world;
        this.reads = reads;
    }

    /** Every failure found for this organization (empty when the component keeps every rule). */
    static List<String> run(LeakWorld world, PortalReads reads) {
        LeakSuite suite = new LeakSuite(world, reads);
        for (User user : world.users) {
            suite.check(user);
        }
        return suite.failures;
    }

    private void fail(User user, String what) {
        failures.add("seed " + world.seed + ": portal user " + user.id() + " (" + user.status() + ", " + user.kind()
                + "): " + what);
    }

    private void check(User user) {
        LeakOracle oracle = new LeakOracle(world, user);
        PortalUserId id = new PortalUserId(user.id());
        Random random = new Random(world.seed ^ user.id().getLeastSignificantBits());
        StringBuilder returned = new StringBuilder();
        StringBuilder allowed = new StringBuilder();

        // Lists with totals and paging.
        int size = 1 + random.nextInt(3);
        List<PortalProject> expectedProjects = world.projects.stream().map(oracle::project).flatMap(Optional::stream).toList();
        allowed.append(expectedProjects);
        returned.append(compareList(user, "projects", expectedProjects, page -> reads.projects(id, PageRequest.of(page, size))));
        List<PortalTicket> expectedTickets = world.tickets.stream().map(oracle::ticket).flatMap(Optional::stream).toList();
        allowed.append(expectedTickets);
        returned.append(compareList(user, "tickets", expectedTickets, page -> reads.tickets(id, PageRequest.of(page, size))));
        for (FinanceKind kind : FinanceKind.values()) {
            List<PortalFinanceDocument> expected = world.finance.stream().filter(f -> f.kind() == kind)
                    .map(oracle::finance).flatMap(Optional::stream).toList();
            allowed.append(expected);
            returned.append(compareList(user, "finance " + kind, expected,
                    page -> reads.financeDocuments(id, kind, PageRequest.of(page, size))));
        }

        // The portal site's filtered reads (issue 7): the same predicates, narrowed by a filter only.
        List<PortalTicket> expectedOpen = expectedTickets.stream()
                .filter(t -> t.status() == null || Set.of("OPEN", "PENDING").contains(t.status())).toList();
        returned.append(compareList(user, "open tickets", expectedOpen, page -> reads.openTickets(id, PageRequest.of(page, size))));
        for (FinanceKind kind : FinanceKind.values()) {
            List<PortalFinanceDocument> expected = world.finance.stream().filter(f -> f.kind() == kind)
                    .map(oracle::finance).flatMap(Optional::stream)
                    .filter(f -> Set.of("SENT", "PARTLY_PAID").contains(f.status())).toList();
            returned.append(compareList(user, "outstanding " + kind, expected,
                    page -> reads.financeDocuments(id, kind, List.of("SENT", "PARTLY_PAID"), PageRequest.of(page, size))));
        }
        returned.append(compareList(user, "recent updates", world.items.stream().filter(i -> i.kind() == RecordKind.UPDATE)
                .map(oracle::item).flatMap(Optional::stream).toList(), page -> reads.recentUpdates(id, PageRequest.of(page, size))));
        returned.append(reads.visibleModules(id));

        // Every record by id, on every read path (ids of other companies' records included).
        // Children of every visible parent, and of one invisible parent per user (they must be empty).
        Project invisible = world.projects.stream().filter(p -> oracle.project(p).isEmpty()).findFirst().orElse(null);
        for (Project p : world.projects) {
            Optional<PortalProject> expectedProject = oracle.project(p);
            returned.append(compareOne(user, "project " + p.id(), expectedProject, reads.project(id, p.id())));
            if (expectedProject.isEmpty() && p != invisible) {
                continue;
            }
            for (RecordKind kind : PROJECT_ITEMS) {
                List<PortalItem> expected = world.items.stream().filter(i -> i.kind() == kind && i.container().equals(p.id()))
                        .map(oracle::item).flatMap(Optional::stream).toList();
                allowed.append(expected);
                returned.append(compareList(user, kind + " of project " + p.id(), expected,
                        page -> reads.projectItems(id, p.id(), kind, PageRequest.of(page, 50))));
            }
            for (Item list : world.items) {
                if (list.kind() != RecordKind.TASK_LIST || !list.container().equals(p.id())) {
                    continue;
                }
                List<PortalItem> expected = world.items.stream().filter(i -> i.kind() == RecordKind.TASK
                        && i.container().equals(p.id())).map(oracle::item).flatMap(Optional::stream)
                        .filter(task -> list.id().equals(task.parentId())).toList();
                returned.append(compareList(user, "tasks of list " + list.id(), expected,
                        page -> reads.tasks(id, p.id(), list.id(), PageRequest.of(page, 50))));
            }
            returned.append(compareList(user, "files of project " + p.id(), expectedFiles(oracle, "project", p.id()),
                    page -> reads.files(id, RecordRef.of(RecordKind.PROJECT, p.id()), PageRequest.of(page, 50))));
        }
        Ticket invisibleTicket = world.tickets.stream().filter(t -> oracle.ticket(t).isEmpty()).findFirst().orElse(null);
        for (Ticket t : world.tickets) {
            Optional<PortalTicket> expectedTicket = oracle.ticket(t);
            returned.append(compareOne(user, "ticket " + t.id(), expectedTicket, reads.ticket(id, t.id())));
            if (expectedTicket.isEmpty() && t != invisibleTicket) {
                continue;
            }
            List<PortalItem> expected = world.items.stream().filter(i -> i.kind() == RecordKind.TICKET_COMMENT
                    && i.container().equals(t.id())).map(oracle::item).flatMap(Optional::stream).toList();
            allowed.append(expected);
            returned.append(compareList(user, "comments of ticket " + t.id(), expected,
                    page -> reads.ticketComments(id, t.id(), PageRequest.of(page, 50))));
            returned.append(compareList(user, "files of ticket " + t.id(), expectedFiles(oracle, "ticket", t.id()),
                    page -> reads.files(id, RecordRef.of(RecordKind.TICKET, t.id()), PageRequest.of(page, 50))));
        }
        for (Item i : world.items) {
            Optional<PortalItem> expected = oracle.item(i);
            // Every visible item, and a sample of the others (the lists above cover them all already).
            if (expected.isPresent() || random.nextInt(8) == 0) {
                returned.append(compareOne(user, i.kind() + " " + i.id(), expected, reads.item(id, RecordRef.of(i.kind(), i.id()))));
            }
            if ((i.kind() == RecordKind.UPDATE || i.kind() == RecordKind.DOCUMENT)
                    && (expected.isPresent() || random.nextInt(8) == 0)) {
                String ownerType = i.kind() == RecordKind.UPDATE ? "project-update" : "project-document";
                returned.append(compareList(user, "files of " + i.kind() + " " + i.id(), expectedFiles(oracle, ownerType, i.id()),
                        page -> reads.files(id, RecordRef.of(i.kind(), i.id()), PageRequest.of(page, 50))));
            }
        }
        for (Finance f : world.finance) {
            returned.append(compareOne(user, "finance " + f.id(), oracle.finance(f), reads.financeDocument(id, f.id())));
        }
        for (StoredFile f : world.files) {
            Optional<PortalFile> expected = oracle.file(f);
            allowed.append(expected.map(Object::toString).orElse(""));
            returned.append(compareOne(user, "file " + f.id(), expected, reads.file(id, f.id())));
        }

        // Issue 7's reads: contacts, the company, conversations and comments, own files, lines, quote state.
        List<PortalContact> expectedContacts = world.contacts.stream().map(oracle::contact).flatMap(Optional::stream).toList();
        allowed.append(expectedContacts);
        returned.append(compareList(user, "contacts", expectedContacts, page -> reads.contacts(id, PageRequest.of(page, size))));
        for (LeakWorld.Contact c : world.contacts) {
            returned.append(compareOne(user, "contact " + c.id(), oracle.contact(c), reads.contact(id, c.id())));
        }
        Optional<PortalCompany> expectedCompany = oracle.company();
        allowed.append(expectedCompany);
        returned.append(compareOne(user, "company", expectedCompany, reads.company(id)));
        for (Project p : world.projects) {
            if (oracle.project(p).isEmpty() && p != invisible) {
                continue;
            }
            List<PortalComment> expected = world.items.stream().filter(i -> i.kind() == RecordKind.PROJECT_COMMENT
                    && i.container().equals(p.id())).map(oracle::comment).flatMap(Optional::stream)
                    .toList();
            allowed.append(expected);
            RecordRef owner = RecordRef.of(RecordKind.PROJECT, p.id());
            returned.append(compareList(user, "conversation of project " + p.id(), expected,
                    page -> reads.conversation(id, owner, PageRequest.of(page, size)).map(LeakOracle::timeless)));
            ownFilesAgree(user, oracle, id, "project", owner);
        }
        for (Ticket t : world.tickets) {
            if (oracle.ticket(t).isEmpty() && t != invisibleTicket) {
                continue;
            }
            List<PortalComment> expected = world.items.stream().filter(i -> i.kind() == RecordKind.TICKET_COMMENT
                    && i.container().equals(t.id())).map(oracle::comment).flatMap(Optional::stream).toList();
            allowed.append(expected);
            RecordRef owner = RecordRef.of(RecordKind.TICKET, t.id());
            returned.append(compareList(user, "conversation of ticket " + t.id(), expected,
                    page -> reads.conversation(id, owner, PageRequest.of(page, size)).map(LeakOracle::timeless)));
            ownFilesAgree(user, oracle, id, "ticket", owner);
        }
        for (Item i : world.items) {
            // Every visible comment, and a sample of the others (kept cheap: this runs for every user of 20 seeds).
            if ((i.kind() == RecordKind.PROJECT_COMMENT || i.kind() == RecordKind.TICKET_COMMENT)
                    && (oracle.sees(i) || random.nextInt(8) == 0)) {
                // ACC-11: a visible portal user's comment names its author, on an item too.
                allowed.append(oracle.comment(i).map(Object::toString).orElse(""));
                returned.append(compareOne(user, "comment " + i.id(), oracle.comment(i),
                        reads.comment(id, RecordRef.of(i.kind(), i.id())).map(LeakOracle::timeless)));
            }
        }
        java.time.LocalDate today = java.time.LocalDate.of(2025, 1, 1).plusDays(random.nextInt(260));
        for (Finance f : world.finance) {
            returned.append(compareOne(user, "lines of finance " + f.id(), oracle.lines(f), reads.financeLines(id, f.id())));
            returned.append(compareOne(user, "quote state of " + f.id() + " on " + today, oracle.quoteState(f, today),
                    reads.quoteState(id, f.id(), today)));
        }
        // The quote state names the quote's company, a company of the scope (ACC-1).
        oracle.scope().forEach(c -> allowed.append(world.names.get(c)));
        // EXP-7: a generated organization has no notifications; none reads, and no count gives one away.
        for (NotificationView view : NotificationView.values()) {
            returned.append(compareList(user, "notifications " + view, List.<PortalNotification>of(),
                    page -> reads.notifications(id, view, PageRequest.of(page, size))));
        }
        if (reads.unreadNotifications(id) != 0) {
            fail(user, "unread notifications " + reads.unreadNotifications(id) + ", expected 0");
        }
        returned.append(compareOne(user, "notification", Optional.<PortalNotification>empty(),
                reads.notification(id, random.nextInt(1_000_000))));

        // The explanation agrees with the reads, on a sample of every kind.
        for (int n = 0; n < 3; n++) {
            Item i = world.items.get(random.nextInt(world.items.size()));
            explainAgrees(user, id, RecordRef.of(i.kind(), i.id()), oracle.item(i).isPresent());
        }
        Project p = world.projects.get(random.nextInt(world.projects.size()));
        explainAgrees(user, id, RecordRef.of(RecordKind.PROJECT, p.id()), oracle.project(p).isPresent());
        StoredFile f = world.files.get(random.nextInt(world.files.size()));
        explainAgrees(user, id, RecordRef.of(RecordKind.FILE, f.id()), oracle.file(f).isPresent());
        Finance d = world.finance.get(random.nextInt(world.finance.size()));
        explainAgrees(user, id, RecordRef.of(RecordKind.FINANCE_DOCUMENT, d.id()), oracle.finance(d).isPresent());

        // ACC-8, ACC-6, ACC-11: no canary the user may not see appears anywhere in what came back.
        Set<String> permitted = canaries(allowed.toString());
        Set<String> leaked = new LinkedHashSet<>(canaries(returned.toString()));
        leaked.removeAll(permitted);
        if (!leaked.isEmpty()) {
            fail(user, "forbidden canaries returned: " + leaked);
        }
    }

    private void ownFilesAgree(User user, LeakOracle oracle, PortalUserId id, String ownerType, RecordRef owner) {
        Set<UUID> expected = oracle.ownFiles(ownerType, owner.id());
        Set<UUID> actual = reads.ownFiles(id, owner, PageRequest.of(0, 50));
        if (!expected.equals(actual)) {
            fail(user, "own files of " + owner + ": expected " + expected + " but read " + actual);
        }
    }

    private List<PortalFile> expectedFiles(LeakOracle oracle, String ownerType, UUID owner) {
        return world.files.stream().filter(f -> f.ownerType().equals(ownerType) && f.owner().equals(owner))
                .map(oracle::file).flatMap(Optional::stream).toList();
    }

    private void explainAgrees(User user, PortalUserId id, RecordRef ref, boolean expected) {
        Explanation explanation = reads.explain(id, ref);
        if (explanation.visible() != expected) {
            fail(user, "explain(" + ref + ") says visible=" + explanation.visible() + ", oracle says " + expected
                    + ": " + explanation.checks());
        }
    }

    private <T> String compareOne(User user, String what, Optional<T> expected, Optional<T> actual) {
        if (!expected.equals(actual)) {
            fail(user, what + " by id: expected " + expected + " but read " + actual);
        }
        return actual.map(Object::toString).orElse("");
    }

    /** Reads every page; the total on every page, no duplicates, and exactly the expected records. */
    private <T> String compareList(User user, String what, List<T> expected, IntFunction<Page<T>> pages) {
        List<T> all = new ArrayList<>();
        Page<T> page = pages.apply(0);
        int guard = 0;
        while (true) {
            if (page.getTotalElements() != expected.size()) {
                fail(user, what + ": total " + page.getTotalElements() + " on page " + page.getNumber() + ", expected "
                        + expected.size());
            }
            all.addAll(page.getContent());
            if (!page.hasNext() || ++guard > 100) {
                break;
            }
            page = pages.apply(page.getNumber() + 1);
        }
        if (new HashSet<>(all).size() != all.size()) {
            fail(user, what + ": a record came twice across pages: " + all);
        }
        if (!new HashSet<>(all).equals(new HashSet<>(expected))) {
            Set<T> extra = new LinkedHashSet<>(all);
            extra.removeAll(new HashSet<>(expected));
            Set<T> missing = new LinkedHashSet<>(expected);
            missing.removeAll(new HashSet<>(all));
            fail(user, what + ": read but not expected " + extra + "; expected but not read " + missing);
        }
        return all.toString();
    }

    private static Set<String> canaries(String text) {
        Set<String> found = new HashSet<>();
        Matcher matcher = CANARY.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
