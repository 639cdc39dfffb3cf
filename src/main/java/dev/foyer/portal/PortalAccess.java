package dev.foyer.portal;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with portals (PRODUCT.md §1): admins manage portals, user types, rights and
 * sharing defaults; admins and managers give contacts portal access.
 */
public final class PortalAccess {

    private PortalAccess() {
    }

    public static boolean canManagePortals(StaffPrincipal actor) {
        return actor != null && actor.isAdmin();
    }

    public static boolean canGiveAccess(StaffPrincipal actor) {
        return actor != null && (actor.role() == StaffRole.ADMIN || actor.role() == StaffRole.MANAGER);
    }

    public static void requireManagePortals(StaffPrincipal actor) {
        if (!canManagePortals(actor)) {
            throw new AccessDeniedException("Only admins manage portals");
        }
    }

    public static void requireGiveAccess(StaffPrincipal actor) {
        if (!canGiveAccess(actor)) {
            throw new AccessDeniedException("Only admins and managers give portal access");
        }
    }
}
