package dev.foyer.tickets;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.foyer.directory.CompanyId;
import dev.foyer.identity.StaffUserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A ticket (case) of a company (PRODUCT.md §2) with its staff members; comments are aggregates of their own. */
@Table("ticket")
public final class Ticket {

    @Id
    private final TicketId id;
    private final long number;
    private CompanyId companyId;
    private String subject;
    private String description;
    private TicketStatus status;
    private TicketPriority priority;
    private StaffUserId assigneeId;
    private String externalRef;
    private Instant resolvedAt;
    @MappedCollection(idColumn = "ticket_id")
    private Set<TicketMember> members;
    @Version
    private Long version;
    private final Instant createdAt;
    private final UUID createdBy;
    private Instant updatedAt;
    private UUID updatedBy;

    @PersistenceCreator
    Ticket(TicketId id, long number, CompanyId companyId, String subject, String description, TicketStatus status,
           TicketPriority priority, StaffUserId assigneeId, String externalRef, Instant resolvedAt,
           Set<TicketMember> members, Long version, Instant createdAt, UUID createdBy, Instant updatedAt,
           UUID updatedBy) {
        this.id = id;
        this.number = number;
        this.companyId = companyId;
        this.subject = subject;
        this.description = description;
        this.status = status;
        this.priority = priority;
        this.assigneeId = assigneeId;
        this.externalRef = externalRef;
        this.resolvedAt = resolvedAt;
        this.members = members == null ? new HashSet<>() : new HashSet<>(members);
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    /** A new open ticket; whoever opens it becomes a member. */
    static Ticket open(long number, TicketDetails details, StaffUserId actor, Instant now) {
        Ticket ticket = new Ticket(TicketId.newId(), number, null, null, null, TicketStatus.OPEN, null, null, null,
                null, Set.of(new TicketMember(actor)), null, now, actor.value(), now, actor.value());
        ticket.apply(details, actor, now);
        return ticket;
    }

    /**
     * A new open ticket written through the API: an integration is nobody to follow it, so it has
     * no members; {@code writer} (the token's creator) may be null.
     */
    static Ticket openThroughApi(long number, TicketDetails details, UUID writer, Instant now) {
        Ticket ticket = new Ticket(TicketId.newId(), number, null, null, null, TicketStatus.OPEN, null, null, null,
                null, Set.of(), null, now, writer, now, writer);
        ticket.apply(details, writer, now);
        return ticket;
    }

    void apply(TicketDetails details, StaffUserId actor, Instant now) {
        apply(details, actor.value(), now);
    }

    void apply(TicketDetails details, UUID writer, Instant now) {
        this.companyId = details.company();
        this.subject = details.subject();
        this.description = details.description();
        this.priority = details.priority();
        this.assigneeId = details.assignee();
        this.externalRef = details.externalRef();
        touch(writer, now);
    }

    /** Moves along the lifecycle ({@link TicketStatus#next()}); an illegal change is refused. */
    void changeStatus(TicketStatus target, StaffUserId actor, Instant now) {
        changeStatus(target, actor.value(), now);
    }

    void changeStatus(TicketStatus target, UUID writer, Instant now) {
        if (!status.canMoveTo(target)) {
            throw TicketException.of("status", "ticket.error.transition");
        }
        this.status = target;
        if (target.done() && resolvedAt == null) {
            this.resolvedAt = now;
        } else if (!target.done()) {
            this.resolvedAt = null;
        }
        touch(writer, now);
    }

    boolean addMember(StaffUserId member, StaffUserId actor, Instant now) {
        boolean added = members.add(new TicketMember(member));
        if (added) {
            touch(actor, now);
        }
        return added;
    }

    boolean removeMember(StaffUserId member, StaffUserId actor, Instant now) {
        boolean removed = members.remove(new TicketMember(member));
        if (removed) {
            touch(actor, now);
        }
        return removed;
    }

    private void touch(StaffUserId actor, Instant now) {
        touch(actor.value(), now);
    }

    private void touch(UUID writer, Instant now) {
        this.updatedAt = now;
        this.updatedBy = writer;
    }

    public TicketDetails details() {
        return new TicketDetails(companyId, subject, description, priority, assigneeId, externalRef);
    }

    public boolean isMember(StaffUserId staff) {
        return members.contains(new TicketMember(staff));
    }

    public boolean isAssignee(StaffUserId staff) {
        return assigneeId != null && assigneeId.equals(staff);
    }

    public TicketId id() {
        return id;
    }

    public long number() {
        return number;
    }

    /** The number as people say it: #1042. */
    public String reference() {
        return "#" + number;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public String subject() {
        return subject;
    }

    /** Sanitized HTML. */
    public String description() {
        return description;
    }

    public TicketStatus status() {
        return status;
    }

    public TicketPriority priority() {
        return priority;
    }

    public StaffUserId assigneeId() {
        return assigneeId;
    }

    public String externalRef() {
        return externalRef;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Set<StaffUserId> memberIds() {
        return members.stream().map(TicketMember::staffUserId).collect(Collectors.toUnmodifiableSet());
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
