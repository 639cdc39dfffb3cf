package dev.foyer.portal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.foyer.portal.PortalModule.COMMENTS;
import static dev.foyer.portal.PortalModule.FILES;
import static dev.foyer.portal.PortalModule.PROJECTS;
import static dev.foyer.portal.PortalModule.TASKS;
import static dev.foyer.portal.PortalModule.TICKETS;

/**
 * The predicate of every record kind for one viewer: which tables, and which rules (from
 * {@link VisibilityRules}) must hold. Aliases: {@code p} project, {@code k} ticket, {@code t} the
 * item or comment, {@code d} financial document, {@code f}/{@code ft} file and its type.
 */
final class Visibility {

    /** The owner types files use for the records they attach to (dev.foyer.files.OwnerRef). */
    static final Map<String, RecordKind> FILE_OWNERS = Map.of(
            "project", RecordKind.PROJECT,
            "project-update", RecordKind.UPDATE,
            "project-document", RecordKind.DOCUMENT,
            "ticket", RecordKind.TICKET);

    private final VisibilityRules rules;
    private final PortalViewer viewer;

    Visibility(VisibilityRules rules, PortalViewer viewer) {
        this.rules = rules;
        this.viewer = viewer;
    }

    VisibilityRules rules() {
        return rules;
    }

    PortalViewer viewer() {
        return viewer;
    }

    Predicate of(RecordKind kind) {
        return switch (kind) {
            case PROJECT -> project();
            case TICKET -> ticket();
            case TICKET_COMMENT -> ticketComment();
            case FINANCE_DOCUMENT -> financeDocument();
            case FILE -> file();
            case TASK_LIST, TASK, MILESTONE, UPDATE, DOCUMENT, EVENT, PROJECT_COMMENT -> projectItem(kind);
        };
    }

    /** ACC-1, ACC-2, ACC-3 for a project. */
    Predicate project() {
        return new Predicate("project p", "p.id", List.of(
                rules.scope("p.company_id"),
                rules.module(viewer, PROJECTS, "p.portal_author_id", null),
                rules.membership(MembershipKind.PROJECT, "p.id")));
    }

    /** ACC-1, ACC-2 (own: written by the viewer or asked by their contact), ACC-3 for a ticket. */
    Predicate ticket() {
        return new Predicate("ticket k", "k.id", List.of(
                rules.scope("k.company_id"),
                rules.module(viewer, TICKETS, "k.portal_author_id", "k.contact_id"),
                rules.membership(MembershipKind.TICKET, "k.id")));
    }

    /** A visible project, then ACC-2 and ACC-4 for the item inside it. */
    Predicate projectItem(RecordKind kind) {
        return project().from(kind.table() + " t join project p on p.id = t.project_id", "t.id")
                .and(itemClauses(kind, "t"));
    }

    /** The clauses of an item of a project already known to be visible, over {@code alias}. */
    List<Clause> itemClauses(RecordKind kind, String alias) {
        return switch (kind) {
            case TASK_LIST -> List.of(
                    rules.viewGranted(viewer, TASKS),
                    rules.holdsVisibleTask(alias, alias + "_task", and(itemClauses(RecordKind.TASK, alias + "_task"))));
            case TASK -> shownItem(TASKS, alias);
            case MILESTONE -> shownItem(PortalModule.MILESTONES, alias);
            case UPDATE -> shownItem(PortalModule.UPDATES, alias);
            case DOCUMENT -> shownItem(PortalModule.DOCUMENTS, alias);
            case EVENT -> shownItem(PortalModule.EVENTS, alias);
            case PROJECT_COMMENT -> List.of(
                    rules.module(viewer, COMMENTS, alias + ".portal_author_id", null),
                    rules.commentShown(alias),
                    rules.commentTarget(commentTarget(alias)));
            default -> throw new IllegalArgumentException(kind + " is not a project item");
        };
    }

    private List<Clause> shownItem(PortalModule module, String alias) {
        return List.of(rules.module(viewer, module, alias + ".portal_author_id", null), rules.shown(alias + ".shared"));
    }

    /** A comment on the project itself, or on an item of the same project that the viewer sees. */
    private String commentTarget(String alias) {
        String item = alias + "_item";
        StringBuilder sql = new StringBuilder("case when " + alias + ".item_id is null then true");
        for (RecordKind kind : List.of(RecordKind.TASK_LIST, RecordKind.TASK, RecordKind.MILESTONE, RecordKind.UPDATE,
                RecordKind.DOCUMENT, RecordKind.EVENT)) {
            sql.append(" when ").append(alias).append(".item_kind = '").append(kind.name()).append("' then exists (select 1 from ")
                    .append(kind.table()).append(' ').append(item).append(" where ").append(item).append(".id = ")
                    .append(alias).append(".item_id and ").append(item).append(".project_id = ").append(alias)
                    .append(".project_id and ").append(and(itemClauses(kind, item))).append(')');
        }
        return sql.append(" else false end").toString();
    }

    /** A visible ticket, then ACC-2 and ACC-11 for the comment. */
    Predicate ticketComment() {
        return ticket().from("ticket_comment t join ticket k on k.id = t.ticket_id", "t.id").and(List.of(
                rules.module(viewer, COMMENTS, "t.portal_author_id", null),
                rules.commentShown("t")));
    }

    /** ACC-1, ACC-2 (per kind), ACC-5. */
    Predicate financeDocument() {
        return new Predicate("finance_document d", "d.id", List.of(
                rules.scope("d.company_id"),
                rules.financeKind(viewer, "d.kind"),
                rules.sent("d.status")));
    }

    /** ACC-2 and ACC-7: shown, of a customer file type, attached to a record the viewer sees. */
    Predicate file() {
        return new Predicate("stored_file f join file_type ft on ft.id = f.file_type_id", "f.id", List.of(
                rules.module(viewer, FILES, "f.portal_author_id", null),
                rules.fileShown("f.shared_on_portal"),
                rules.customerFile("ft.customer_file"),
                rules.fileOwner(fileOwner("f"))));
    }

    private String fileOwner(String alias) {
        StringBuilder sql = new StringBuilder("case");
        FILE_OWNERS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(owner -> sql.append(" when ")
                .append(alias).append(".owner_type = '").append(owner.getKey()).append("' then ")
                .append(of(owner.getValue()).exists(alias + ".owner_id")));
        return sql.append(" else false end").toString();
    }

    static String and(List<Clause> clauses) {
        return clauses.stream().map(clause -> "(" + clause.sql() + ")").collect(Collectors.joining(" and "));
    }

    /** A field's column when the viewer may see it, else a typed null: a hidden field never leaves the database (ACC-8). */
    String field(PortalField field, String expression, String sqlType) {
        return rules.shows(viewer, field) ? expression : "cast(null as " + sqlType + ")";
    }
}
