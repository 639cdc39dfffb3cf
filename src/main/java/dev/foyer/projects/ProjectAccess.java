package dev.foyer.projects;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with projects: every staff user reads them; admins and managers create and edit
 * projects and choose their staff members; a project's staff members (and admins and managers)
 * add and edit its items and comments. A member works only in the projects they are on.
 */
public final class ProjectAccess {

    private ProjectAccess() {
    }

    public static boolean canView(StaffPrincipal actor) {
        return actor != null;
    }

    public static boolean canManage(StaffPrincipal actor) {
        return actor != null && (actor.role() == StaffRole.ADMIN || actor.role() == StaffRole.MANAGER);
    }

    /** Whether the actor may change a project's items, given whether they are on its staff. */
    public static boolean canWork(StaffPrincipal actor, boolean staffMember) {
        return canManage(actor) || (actor != null && staffMember);
    }

    public static void requireView(StaffPrincipal actor) {
        if (!canView(actor)) {
            throw new AccessDeniedException("Staff only");
        }
    }

    public static void requireManage(StaffPrincipal actor) {
        if (!canManage(actor)) {
            throw new AccessDeniedException("Only admins and managers create and edit projects");
        }
    }

    static void requireWork(StaffPrincipal actor, boolean staffMember) {
        if (!canWork(actor, staffMember)) {
            throw new AccessDeniedException("Only the project's staff members change its items");
        }
    }
}
