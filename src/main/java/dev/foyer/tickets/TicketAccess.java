package dev.foyer.tickets;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with tickets: every staff user reads them, opens them and comments on them; the
 * assignee, the ticket's staff members, admins and managers edit a ticket, change its status and
 * its members; a comment's sharing is changed, and the comment deleted, by its author or by whoever may edit the
 * ticket.
 */
public final class TicketAccess {

    private TicketAccess() {
    }

    public static boolean canView(StaffPrincipal actor) {
        return actor != null;
    }

    public static boolean canOpen(StaffPrincipal actor) {
        return actor != null;
    }

    public static boolean canComment(StaffPrincipal actor) {
        return actor != null;
    }

    public static boolean canEdit(StaffPrincipal actor, Ticket ticket) {
        return actor != null && ticket != null && (actor.role() == StaffRole.ADMIN || actor.role() == StaffRole.MANAGER
                || ticket.isAssignee(actor.id()) || ticket.isMember(actor.id()));
    }

    public static boolean canShare(StaffPrincipal actor, Ticket ticket, TicketComment comment) {
        return canEdit(actor, ticket) || (actor != null && actor.id().equals(comment.authorId()));
    }

    public static boolean canDelete(StaffPrincipal actor, Ticket ticket, TicketComment comment) {
        return canShare(actor, ticket, comment);
    }

    public static void requireView(StaffPrincipal actor) {
        if (!canView(actor)) {
            throw new AccessDeniedException("Staff only");
        }
    }

    public static void requireOpen(StaffPrincipal actor) {
        if (!canOpen(actor)) {
            throw new AccessDeniedException("Staff only");
        }
    }

    public static void requireComment(StaffPrincipal actor) {
        if (!canComment(actor)) {
            throw new AccessDeniedException("Staff only");
        }
    }

    public static void requireEdit(StaffPrincipal actor, Ticket ticket) {
        if (!canEdit(actor, ticket)) {
            throw new AccessDeniedException("Only the assignee, members, admins and managers change a ticket");
        }
    }

    public static void requireShare(StaffPrincipal actor, Ticket ticket, TicketComment comment) {
        if (!canShare(actor, ticket, comment)) {
            throw new AccessDeniedException("Only the author or the ticket's editors change a comment's sharing");
        }
    }

    public static void requireDelete(StaffPrincipal actor, Ticket ticket, TicketComment comment) {
        if (!canDelete(actor, ticket, comment)) {
            throw new AccessDeniedException("Only the author or the ticket's editors delete a comment");
        }
    }
}
