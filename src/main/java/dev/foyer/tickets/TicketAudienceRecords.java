package dev.foyer.tickets;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.AudienceRecord;
import dev.foyer.portal.AudienceRecords;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** "Who can see this" for tickets and their comments (issue 5 item 7): only staff who see the ticket ask. */
@Component
class TicketAudienceRecords implements AudienceRecords {

    private final Tickets tickets;
    private final JdbcClient jdbc;

    TicketAudienceRecords(Tickets tickets, JdbcClient jdbc) {
        this.tickets = tickets;
        this.jdbc = jdbc;
    }

    @Override
    public Set<RecordKind> kinds() {
        return Set.of(RecordKind.TICKET, RecordKind.TICKET_COMMENT);
    }

    /** A ticket comment is as visible to staff as its ticket. */
    @Override
    public Optional<AudienceRecord> find(StaffPrincipal actor, RecordKind kind, UUID recordId) {
        if (kind == RecordKind.TICKET) {
            return find(actor, recordId);
        }
        if (kind != RecordKind.TICKET_COMMENT) {
            return Optional.empty();
        }
        return jdbc.sql("select ticket_id from ticket_comment where id = :id").param("id", recordId)
                .query(UUID.class).optional()
                .flatMap(ticketId -> tickets.find(actor, new TicketId(ticketId)))
                .map(ticket -> new AudienceRecord(RecordRef.of(RecordKind.TICKET_COMMENT, recordId),
                        ticket.subject(), ticket.companyId(), "/tickets/" + ticket.id() + "#comment-" + recordId));
    }

    @Override
    public RecordKind kind() {
        return RecordKind.TICKET;
    }

    @Override
    public Optional<AudienceRecord> find(StaffPrincipal actor, UUID recordId) {
        return tickets.find(actor, new TicketId(recordId)).map(ticket -> new AudienceRecord(
                RecordRef.of(RecordKind.TICKET, ticket.id().value()), ticket.subject(), ticket.companyId(),
                "/tickets/" + ticket.id()));
    }
}
