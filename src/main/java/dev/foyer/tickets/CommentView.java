package dev.foyer.tickets;

import java.time.Instant;

import dev.foyer.identity.StaffUserId;

/** A comment as the thread shows it, with its author's name. */
public record CommentView(TicketCommentId id, TicketId ticketId, String body, boolean shared, StaffUserId authorId,
                          String authorName, long version, Instant createdAt) {
}
