package dev.foyer.tickets;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.AudienceRecord;
import dev.foyer.portal.AudienceRecords;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import org.springframework.stereotype.Component;

/** "Who can see this" for tickets (issue 5 item 7): only staff who see the ticket ask. */
@Component
class TicketAudienceRecords implements AudienceRecords {

    private final Tickets tickets;

    TicketAudienceRecords(Tickets tickets) {
        this.tickets = tickets;
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
