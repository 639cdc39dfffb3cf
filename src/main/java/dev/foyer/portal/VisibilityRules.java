package dev.foyer.portal;

import java.util.Arrays;

/**
 * The rules of PRODUCT.md §4, one method per rule, each turning the rule into a SQL boolean over a
 * given alias (or, for ACC-8, a yes/no per field). {@link Visibility} combines them into a
 * predicate per record kind. Package-private and not final on purpose: the leak suite builds
 * deliberately weakened subclasses in this package to prove it catches them; production has one
 * instance and no switch.
 */
class VisibilityRules {

    static final VisibilityRules STANDARD = new VisibilityRules();

    /** ACC-1: the record's company is one of the viewer's scope; an empty scope (or a null company) matches nothing. */
    Clause scope(String companyColumn) {
        return Clause.of("ACC-1", companyColumn + " = any(cast(:scope as uuid[]))", "portal.explain.scope");
    }

    /**
     * ACC-2 and PRT-3: the user type grants view on the module; "own" narrows to rows the viewer
     * wrote ({@code authorColumn}) or that are linked to their contact ({@code contactColumn}).
     * A kind that has neither column has no "own" rows.
     */
    Clause module(PortalViewer viewer, PortalModule module, String authorColumn, String contactColumn) {
        ViewScope scope = viewer.rights().of(module).viewScope();
        String sql = switch (scope) {
            case NONE -> Clause.FALSE;
            case ACCOUNT -> Clause.TRUE;
            case OWN -> own(authorColumn, contactColumn);
        };
        return Clause.of("ACC-2", sql, "portal.explain.module", module.name(), scope.name());
    }

    /** ACC-2 for what has no owner of its own (a task list): the module grants view at all. */
    Clause viewGranted(PortalViewer viewer, PortalModule module) {
        ViewScope scope = viewer.rights().of(module).viewScope();
        return Clause.of("ACC-2", scope == ViewScope.NONE ? Clause.FALSE : Clause.TRUE, "portal.explain.module",
                module.name(), scope.name());
    }

    private static String own(String authorColumn, String contactColumn) {
        if (authorColumn == null && contactColumn == null) {
            return Clause.FALSE;
        }
        if (contactColumn == null) {
            return authorColumn + " = :viewer";
        }
        if (authorColumn == null) {
            return contactColumn + " = :contact";
        }
        return authorColumn + " = :viewer or " + contactColumn + " = :contact";
    }

    /** ACC-2 for financial documents: only kinds whose module grants view (they have no "own" link). */
    Clause financeKind(PortalViewer viewer, String kindColumn) {
        return Clause.of("ACC-2", kindColumn + " = any(cast(:financeKinds as text[]))", "portal.explain.financeKind",
                String.join(", ", Arrays.asList(financeKinds(viewer))));
    }

    /** The financial document kinds the viewer's user type lets them see in full ("account" scope). */
    String[] financeKinds(PortalViewer viewer) {
        return Arrays.stream(FinanceKind.values())
                .filter(kind -> viewer.rights().of(kind.module()).viewScope() == ViewScope.ACCOUNT)
                .map(Enum::name).toArray(String[]::new);
    }

    /** ACC-3: the viewer is a member of the project or ticket. */
    Clause membership(MembershipKind kind, String idColumn) {
        return Clause.of("ACC-3", "exists (select 1 from " + kind.table() + " m where m." + kind.column() + " = "
                + idColumn + " and m.portal_user_id = :viewer)", "portal.explain.member");
    }

    /** ACC-4: the item is shown on the portal ("Show on portal"). */
    Clause shown(String sharedColumn) {
        return Clause.of("ACC-4", sharedColumn, "portal.explain.shown");
    }

    /** ACC-4: a task list shows while it holds a task the viewer sees; {@code visibleTask} is that task's condition over alias {@code taskAlias}. */
    Clause holdsVisibleTask(String listAlias, String taskAlias, String visibleTask) {
        return Clause.of("ACC-4", "exists (select 1 from task " + taskAlias + " where " + taskAlias + ".task_list_id = "
                + listAlias + ".id and " + visibleTask + ")", "portal.explain.taskList");
    }

    /** ACC-11 with ACC-4: a comment shows when staff shared it or a portal user posted it; internal notes never. */
    Clause commentShown(String alias) {
        return Clause.of("ACC-11", alias + ".shared or " + alias + ".portal_author_id is not null",
                "portal.explain.comment");
    }

    /** ACC-4: a comment on an item shows only while the item does. */
    Clause commentTarget(String itemVisible) {
        return Clause.of("ACC-4", itemVisible, "portal.explain.commentTarget");
    }

    /** ACC-5: never a draft. */
    Clause sent(String statusColumn) {
        return Clause.of("ACC-5", statusColumn + " <> 'DRAFT'", "portal.explain.sent");
    }

    /** ACC-7: the file is shown on the portal. */
    Clause fileShown(String sharedColumn) {
        return Clause.of("ACC-7", sharedColumn, "portal.explain.fileShown");
    }

    /** ACC-7: the file's type is a customer file. */
    Clause customerFile(String customerFileColumn) {
        return Clause.of("ACC-7", customerFileColumn, "portal.explain.customerFile");
    }

    /** ACC-7: the file is attached to a record the viewer sees. */
    Clause fileOwner(String ownerVisible) {
        return Clause.of("ACC-7", ownerVisible, "portal.explain.fileOwner");
    }

    /** ACC-8 and PRT-4: whether a field reaches the viewer at all. */
    boolean shows(PortalViewer viewer, PortalField field) {
        return viewer.rights().of(field) != FieldAccess.HIDDEN;
    }

    /** ACC-4: event descriptions only where the user type grants them. */
    boolean eventDescriptions(PortalViewer viewer) {
        return viewer.rights().eventDescriptions();
    }

    /** The bound parameters every clause may use, from the viewer alone. */
    java.util.Map<String, Object> parameters(PortalViewer viewer) {
        return java.util.Map.of(
                "viewer", viewer.id().value(),
                "contact", viewer.contactId().value(),
                "scope", viewer.scope().stream().map(Object::toString).toArray(String[]::new),
                "financeKinds", financeKinds(viewer));
    }

}
