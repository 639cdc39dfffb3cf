package dev.foyer.tickets;

import java.time.Instant;

import dev.foyer.identity.StaffUserId;
import dev.foyer.portal.PortalAuthorName;

/**
 * A comment as the thread shows it, with its author's name; {@code portalAuthor} names the portal
 * user who wrote it (EXP-9), null for staff comments.
 */
public record CommentView(TicketCommentId id, TicketId ticketId, String body, boolean shared, StaffUserId authorId,
                          String authorName, long version, Instant createdAt, PortalAuthorName portalAuthor) {
}
