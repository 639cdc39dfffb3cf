package dev.foyer.portal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.foyer.portal.LeakWorld.Company;
import dev.foyer.portal.LeakWorld.Contact;
import dev.foyer.portal.LeakWorld.Finance;
import dev.foyer.portal.LeakWorld.Item;
import dev.foyer.portal.LeakWorld.Project;
import dev.foyer.portal.LeakWorld.StoredFile;
import dev.foyer.portal.LeakWorld.Ticket;
import dev.foyer.portal.LeakWorld.Type;
import dev.foyer.portal.LeakWorld.User;

/**
 * What one portal user may see, written from PRODUCT.md §4 in plain Java over the generator's
 * in-memory model. It shares nothing with the component: no SQL, no {@link VisibilityRules}, no
 * {@link Visibility}; only the view records, which it fills as the rules say (a hidden field is null).
 */
final class LeakOracle {

    private final LeakWorld world;
    private final User user;
    private final Type type;
    private final Set<UUID> scope;
    private final boolean active;
    private final Map<UUID, Item> itemsById;

    LeakOracle(LeakWorld world, User user) {
        this.world = world;
        this.user = user;
        this.type = world.types.stream().filter(t -> t.id().equals(user.type())).findFirst().orElseThrow();
        Contact contact = world.contacts.stream().filter(c -> c.id().equals(user.contact())).findFirst().orElseThrow();
        boolean portalActive = world.portals.stream().anyMatch(p -> p.id().equals(user.portal()) && p.active());
        // ACC-9 and PRT-1: only an active user of an active portal with a live contact sees anything.
        this.active = user.status() == PortalUserStatus.ACTIVE && portalActive && !contact.deleted();
        this.scope = scopeOf(contact);
        this.itemsById = world.items.stream().collect(Collectors.toMap(Item::id, Function.identity()));
    }

    /** ACC-1: the contact's live company; for a consolidated user every live company of its live account. */
    private Set<UUID> scopeOf(Contact contact) {
        Company own = company(contact.company());
        Set<UUID> companies = new HashSet<>();
        if (own == null || own.deleted() || contact.deleted()) {
            return companies;
        }
        companies.add(own.id());
        boolean accountLive = own.account() != null
                && world.accounts.stream().anyMatch(a -> a.id().equals(own.account()) && !a.deleted());
        if (user.kind() == PortalUserKind.CONSOLIDATED && accountLive) {
            world.companies.stream().filter(c -> own.account().equals(c.account()) && !c.deleted())
                    .forEach(c -> companies.add(c.id()));
        }
        return companies;
    }

    private Company company(UUID id) {
        return world.companies.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    private ViewScope view(PortalModule module) {
        return type.views().get(module);
    }

    /** ACC-2: granted at all, and for "own" written by this user (or, for tickets, asked by their contact). */
    private boolean moduleAllows(PortalModule module, UUID author, UUID contact) {
        return switch (view(module)) {
            case NONE -> false;
            case ACCOUNT -> true;
            case OWN -> user.id().equals(author) || (contact != null && contact.equals(user.contact()));
        };
    }

    private boolean shows(PortalField field) {
        return type.fields().get(field) != FieldAccess.HIDDEN;
    }

    private <T> T masked(PortalField field, T value) {
        return shows(field) ? value : null;
    }

    // ------------------------------------------------------------------ visibility

    boolean sees(Project p) {
        return active && scope.contains(p.company()) && moduleAllows(PortalModule.PROJECTS, p.author(), null)
                && p.members().contains(user.id());
    }

    boolean sees(Ticket t) {
        return active && scope.contains(t.company()) && moduleAllows(PortalModule.TICKETS, t.author(), t.contact())
                && t.members().contains(user.id());
    }

    boolean sees(Item item) {
        return switch (item.kind()) {
            case TASK_LIST -> projectVisible(item.container()) && view(PortalModule.TASKS) != ViewScope.NONE
                    && world.items.stream().anyMatch(t -> t.kind() == RecordKind.TASK && item.id().equals(t.parent())
                    && sees(t));
            case TASK -> sharedItem(item, PortalModule.TASKS);
            case MILESTONE -> sharedItem(item, PortalModule.MILESTONES);
            case UPDATE -> sharedItem(item, PortalModule.UPDATES);
            case DOCUMENT -> sharedItem(item, PortalModule.DOCUMENTS);
            case EVENT -> sharedItem(item, PortalModule.EVENTS);
            // ACC-11: a staff comment shows when shared, a portal user's always; internal notes never; ACC-4 for its item.
            case PROJECT_COMMENT -> projectVisible(item.container())
                    && moduleAllows(PortalModule.COMMENTS, item.author(), null)
                    && (item.shared() || item.author() != null)
                    && (item.parent() == null || sees(itemsById.get(item.parent())));
            case TICKET_COMMENT -> ticketVisible(item.container())
                    && moduleAllows(PortalModule.COMMENTS, item.author(), null)
                    && (item.shared() || item.author() != null);
            default -> false;
        };
    }

    private boolean sharedItem(Item item, PortalModule module) {
        return projectVisible(item.container()) && moduleAllows(module, item.author(), null) && item.shared();
    }

    private boolean projectVisible(UUID id) {
        return world.projects.stream().anyMatch(p -> p.id().equals(id) && sees(p));
    }

    private boolean ticketVisible(UUID id) {
        return world.tickets.stream().anyMatch(t -> t.id().equals(id) && sees(t));
    }

    /** ACC-5: sent documents of the scope, of a kind granted in full (documents have no "own" link). */
    boolean sees(Finance f) {
        return active && scope.contains(f.company()) && view(f.kind().module()) == ViewScope.ACCOUNT
                && !"DRAFT".equals(f.status());
    }

    /** ACC-7: shown, of a customer file type, attached to a visible record. */
    boolean sees(StoredFile f) {
        boolean customer = world.fileTypes.stream().anyMatch(t -> t.id().equals(f.type()) && t.customer());
        return active && moduleAllows(PortalModule.FILES, f.author(), null) && f.shared() && customer
                && ownerVisible(f);
    }

    private boolean ownerVisible(StoredFile f) {
        return switch (f.ownerType()) {
            case "project" -> projectVisible(f.owner());
            case "ticket" -> ticketVisible(f.owner());
            case "project-update", "project-document" -> itemsById.containsKey(f.owner()) && sees(itemsById.get(f.owner()));
            default -> false;
        };
    }

    // ------------------------------------------------------------------ what the views must say

    Optional<PortalProject> project(Project p) {
        if (!sees(p)) {
            return Optional.empty();
        }
        List<Item> tasks = world.items.stream().filter(i -> i.kind() == RecordKind.TASK
                && i.container().equals(p.id()) && sees(i)).toList();
        long done = tasks.stream().filter(t -> "DONE".equals(t.status())).count();
        return Optional.of(new PortalProject(p.id(), p.name(), masked(PortalField.PROJECT_DESCRIPTION, p.description()),
                masked(PortalField.PROJECT_STATUS, p.status()), masked(PortalField.PROJECT_START_DATE, p.start()),
                masked(PortalField.PROJECT_DUE_DATE, p.due()), tasks.size(), masked(PortalField.TASK_STATUS, done)));
    }

    Optional<PortalTicket> ticket(Ticket t) {
        if (!sees(t)) {
            return Optional.empty();
        }
        return Optional.of(new PortalTicket(t.id(), t.number(), t.subject(),
                masked(PortalField.TICKET_DESCRIPTION, t.description()), masked(PortalField.TICKET_STATUS, t.status()),
                masked(PortalField.TICKET_PRIORITY, t.priority())));
    }

    Optional<PortalItem> item(Item i) {
        if (!sees(i)) {
            return Optional.empty();
        }
        boolean fromPortal = i.kind() != RecordKind.TASK_LIST && i.author() != null;
        PortalItem view = switch (i.kind()) {
            case TASK_LIST -> new PortalItem(i.kind(), i.id(), i.container(), null, i.title(), null, null, null, null,
                    null, null, false);
            case TASK -> new PortalItem(i.kind(), i.id(), i.container(), i.parent(), i.title(),
                    masked(PortalField.TASK_DESCRIPTION, i.body()), masked(PortalField.TASK_STATUS, i.status()),
                    masked(PortalField.TASK_DUE_DATE, i.due()), null, null, null, fromPortal);
            case MILESTONE -> new PortalItem(i.kind(), i.id(), i.container(), null, i.title(), null, null,
                    masked(PortalField.MILESTONE_DUE_DATE, i.due()), masked(PortalField.MILESTONE_DONE, i.done()), null,
                    null, fromPortal);
            case UPDATE -> new PortalItem(i.kind(), i.id(), i.container(), null, i.title(),
                    i.body(), null, null, null, null, null, fromPortal);
            case DOCUMENT -> new PortalItem(i.kind(), i.id(), i.container(), null, i.title(),
                    masked(PortalField.DOCUMENT_BODY, i.body()), null, null, null, null, null, fromPortal);
            // ACC-4: event descriptions only where the user type grants them.
            case EVENT -> new PortalItem(i.kind(), i.id(), i.container(), null, i.title(),
                    type.eventDescriptions() ? i.body() : null, null, null, null, i.starts(), i.ends(), fromPortal);
            case PROJECT_COMMENT -> new PortalItem(i.kind(), i.id(), i.container(), i.parent(), null, i.body(), null,
                    null, null, null, null, fromPortal);
            case TICKET_COMMENT -> new PortalItem(i.kind(), i.id(), i.container(), null, null, i.body(), null, null,
                    null, null, null, fromPortal);
            default -> throw new IllegalStateException();
        };
        return Optional.of(view);
    }

    Optional<PortalFinanceDocument> finance(Finance f) {
        if (!sees(f)) {
            return Optional.empty();
        }
        PortalField due = switch (f.kind()) {
            case QUOTE -> PortalField.QUOTE_VALID_UNTIL;
            case INVOICE -> PortalField.INVOICE_DUE_DATE;
            case ORDER -> PortalField.ORDER_DELIVERY_DATE;
            case CONTRACT -> PortalField.CONTRACT_END_DATE;
        };
        PortalField total = switch (f.kind()) {
            case QUOTE -> PortalField.QUOTE_TOTAL;
            case INVOICE -> PortalField.INVOICE_TOTAL;
            case ORDER -> PortalField.ORDER_TOTAL;
            case CONTRACT -> null;
        };
        PortalField terms = switch (f.kind()) {
            case QUOTE -> PortalField.QUOTE_TERMS;
            case INVOICE -> PortalField.INVOICE_TERMS;
            case ORDER -> null;
            case CONTRACT -> PortalField.CONTRACT_TERMS;
        };
        // ACC-6: of an order's flag only a customer flag; never its tasks.
        String flag = f.kind() != FinanceKind.ORDER ? null : world.flags.stream()
                .filter(fl -> fl.id().equals(f.flag()) && fl.customer()).map(LeakWorld.Flag::name).findFirst()
                .orElse(null);
        return Optional.of(new PortalFinanceDocument(f.id(), f.kind(), f.number(), f.status(),
                f.kind() == FinanceKind.CONTRACT ? masked(PortalField.CONTRACT_START_DATE, f.issue()) : f.issue(),
                masked(due, f.due()), f.currency(), total == null ? f.total() : masked(total, f.total()),
                terms == null ? f.terms() : masked(terms, f.terms()), flag));
    }

    Optional<PortalFile> file(StoredFile f) {
        if (!sees(f)) {
            return Optional.empty();
        }
        RecordKind ownerKind = switch (f.ownerType()) {
            case "project" -> RecordKind.PROJECT;
            case "ticket" -> RecordKind.TICKET;
            case "project-update" -> RecordKind.UPDATE;
            default -> RecordKind.DOCUMENT;
        };
        String typeName = world.fileTypes.stream().filter(t -> t.id().equals(f.type())).map(LeakWorld.FileType::name)
                .findFirst().orElseThrow();
        return Optional.of(new PortalFile(f.id(), new RecordRef(ownerKind, f.owner()), f.name(),
                masked(PortalField.FILE_TYPE, typeName), masked(PortalField.FILE_SIZE, f.size()), "application/pdf"));
    }

    // ------------------------------------------------------------------ issue 7's reads (contacts, company,
    // conversations, own files, lines, quote state)

    /** EXP-5, ACC-2: live contacts of the scope; "own" = the user's contact and those they added. */
    Optional<PortalContact> contact(Contact c) {
        UUID author = world.contactAuthors.get(c.id());
        if (!active || c.deleted() || !scope.contains(c.company())
                || !moduleAllows(PortalModule.CONTACTS, author, c.id())) {
            return Optional.empty();
        }
        String[] name = world.names.get(c.id()).split(" ", 2);
        return Optional.of(new PortalContact(c.id(), masked(PortalField.CONTACT_FIRST_NAME, name[0]),
                masked(PortalField.CONTACT_LAST_NAME, name[1]), masked(PortalField.CONTACT_EMAIL, world.email(c.id())),
                null, null, user.id().equals(author), c.id().equals(user.contact()), 0));
    }

    /** EXP-5: the company of the user's own contact, in scope, with COMPANIES granted at all. */
    Optional<PortalCompany> company() {
        Contact own = world.contacts.stream().filter(c -> c.id().equals(user.contact())).findFirst().orElseThrow();
        if (!active || view(PortalModule.COMPANIES) == ViewScope.NONE || !scope.contains(own.company())) {
            return Optional.empty();
        }
        return Optional.of(new PortalCompany(own.company(), masked(PortalField.COMPANY_NAME, world.names.get(own.company())),
                null, null, null, 0));
    }

    /** ACC-11: a visible comment with its portal author's name; {@code createdAt} left out (see {@link #timeless}). */
    Optional<PortalComment> comment(Item i) {
        if ((i.kind() != RecordKind.PROJECT_COMMENT && i.kind() != RecordKind.TICKET_COMMENT) || !sees(i)) {
            return Optional.empty();
        }
        UUID contact = i.author() == null ? null : world.users.stream().filter(u -> u.id().equals(i.author()))
                .map(User::contact).findFirst().orElseThrow();
        return Optional.of(new PortalComment(i.kind(), i.id(), i.container(), masked(PortalField.COMMENT_BODY, i.body()),
                i.author() != null, contact == null ? null : world.names.get(contact), user.id().equals(i.author()),
                0, java.time.Instant.EPOCH, false));
    }

    /** The oracle knows no creation times: both sides are compared without them. */
    static PortalComment timeless(PortalComment c) {
        return new PortalComment(c.kind(), c.id(), c.containerId(), c.body(), c.fromPortal(), c.authorName(), c.own(),
                c.version(), java.time.Instant.EPOCH, c.edited());
    }

    /** The visible files of one owner this user uploaded. */
    Set<UUID> ownFiles(String ownerType, UUID owner) {
        return world.files.stream().filter(f -> f.ownerType().equals(ownerType) && f.owner().equals(owner)
                && user.id().equals(f.author()) && sees(f)).map(StoredFile::id).collect(Collectors.toSet());
    }

    /** EXP-4: a visible document's lines (generated documents have none); no amounts where the total is hidden. */
    Optional<PortalFinanceLines> lines(Finance f) {
        if (!sees(f)) {
            return Optional.empty();
        }
        PortalField total = switch (f.kind()) {
            case QUOTE -> PortalField.QUOTE_TOTAL;
            case INVOICE -> PortalField.INVOICE_TOTAL;
            case ORDER -> PortalField.ORDER_TOTAL;
            case CONTRACT -> null;
        };
        if (total != null && !shows(total)) {
            return Optional.of(new PortalFinanceLines(f.currency(), false, List.of(), List.of(), null, null, null));
        }
        java.math.BigDecimal zero = java.math.BigDecimal.ZERO.setScale(2);
        return Optional.of(new PortalFinanceLines(f.currency(), true, List.of(), List.of(), zero, zero, zero));
    }

    /** EXP-4: a visible quote's state: answerable while sent and not past its valid-until date. */
    Optional<PortalQuoteState> quoteState(Finance f, java.time.LocalDate today) {
        if (f.kind() != FinanceKind.QUOTE || !sees(f)) {
            return Optional.empty();
        }
        boolean answerable = "SENT".equals(f.status()) && (f.due() == null || !f.due().isBefore(today));
        return Optional.of(new PortalQuoteState(f.id(), world.names.get(f.company()), answerable, null, null, null));
    }

    boolean active() {
        return active;
    }

    /** ACC-1: the companies of the user's scope (the crawl allows their names on pages). */
    Set<UUID> scope() {
        return Set.copyOf(scope);
    }
}
