package dev.foyer.directory;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with companies, consolidated accounts and contacts: every staff user reads them,
 * admins and managers change them, admins restore and purge from the recycle bin.
 */
public final class DirectoryAccess {

    private DirectoryAccess() {
    }

    public static boolean canView(StaffPrincipal actor) {
        return actor != null;
    }

    public static boolean canEdit(StaffPrincipal actor) {
        return actor != null && (actor.role() == StaffRole.ADMIN || actor.role() == StaffRole.MANAGER);
    }

    public static boolean canManageRecycleBin(StaffPrincipal actor) {
        return actor != null && actor.isAdmin();
    }

    public static void requireView(StaffPrincipal actor) {
        if (!canView(actor)) {
            throw new AccessDeniedException("Staff only");
        }
    }

    public static void requireEdit(StaffPrincipal actor) {
        if (!canEdit(actor)) {
            throw new AccessDeniedException("Only admins and managers change the directory");
        }
    }

    public static void requireManageRecycleBin(StaffPrincipal actor) {
        if (!canManageRecycleBin(actor)) {
            throw new AccessDeniedException("Only admins restore or purge records");
        }
    }
}
