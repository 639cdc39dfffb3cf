package dev.foyer.finance;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with financial documents, as with the directory: every staff user reads them;
 * admins and managers create, edit, send, convert, record payments and work on orders' tasks and
 * flags (money is not every member's business to change); admins set the number prefixes and
 * manage the list of order flags.
 */
public final class FinanceAccess {

    private FinanceAccess() {
    }

    public static boolean canView(StaffPrincipal actor) {
        return actor != null;
    }

    public static boolean canEdit(StaffPrincipal actor) {
        return actor != null && (actor.role() == StaffRole.ADMIN || actor.role() == StaffRole.MANAGER);
    }

    public static boolean canManageSettings(StaffPrincipal actor) {
        return actor != null && actor.isAdmin();
    }

    public static void requireView(StaffPrincipal actor) {
        if (!canView(actor)) {
            throw new AccessDeniedException("Staff only");
        }
    }

    public static void requireEdit(StaffPrincipal actor) {
        if (!canEdit(actor)) {
            throw new AccessDeniedException("Only admins and managers change financial documents");
        }
    }

    public static void requireManageSettings(StaffPrincipal actor) {
        if (!canManageSettings(actor)) {
            throw new AccessDeniedException("Only admins change finance settings");
        }
    }
}
