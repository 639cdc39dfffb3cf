package dev.foyer.tickets;

import java.time.Instant;
import java.util.UUID;

import dev.foyer.identity.StaffUserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A comment on a ticket. Unless shared ("Show on portal") it is an internal note that portal users
 * never see (ACC-4, ACC-11).
 */
@Table("ticket_comment")
public final class TicketComment {

    @Id
    private final TicketCommentId id;
    private final TicketId ticketId;
    private final String body;
    private boolean shared;
    private final StaffUserId authorId;
    private String externalRef;
    @Version
    private Long version;
    private final Instant createdAt;
    private final UUID createdBy;
    private Instant updatedAt;
    private UUID updatedBy;

    @PersistenceCreator
    TicketComment(TicketCommentId id, TicketId ticketId, String body, boolean shared, StaffUserId authorId,
                  String externalRef, Long version, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy) {
        this.id = id;
        this.ticketId = ticketId;
        this.body = body;
        this.shared = shared;
        this.authorId = authorId;
        this.externalRef = externalRef;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    static TicketComment post(TicketId ticket, String sanitizedBody, boolean shared, StaffUserId author, Instant now) {
        return new TicketComment(TicketCommentId.newId(), ticket, sanitizedBody, shared, author, null, null, now,
                author.value(), now, author.value());
    }

    /** A comment written through the API, authored by the token's creator ({@code author} may be null). */
    static TicketComment postThroughApi(TicketId ticket, String sanitizedBody, boolean shared, StaffUserId author,
                                        String externalRef, Instant now) {
        UUID writer = author == null ? null : author.value();
        return new TicketComment(TicketCommentId.newId(), ticket, sanitizedBody, shared, author, externalRef, null,
                now, writer, now, writer);
    }

    void share(boolean shared, StaffUserId actor, Instant now) {
        share(shared, actor.value(), now);
    }

    void share(boolean shared, UUID writer, Instant now) {
        this.shared = shared;
        this.updatedAt = now;
        this.updatedBy = writer;
    }

    public TicketCommentId id() {
        return id;
    }

    public TicketId ticketId() {
        return ticketId;
    }

    /** Sanitized HTML. */
    public String body() {
        return body;
    }

    public boolean shared() {
        return shared;
    }

    public StaffUserId authorId() {
        return authorId;
    }

    public String externalRef() {
        return externalRef;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
