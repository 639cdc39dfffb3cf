package dev.foyer.tickets;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.MembershipRecord;
import dev.foyer.portal.MembershipRecords;
import org.springframework.stereotype.Component;

/**
 * Portal users join tickets (ACC-3): the portal module checks them against the ticket's company;
 * whoever may edit the ticket chooses its portal members, as its staff members.
 */
@Component
class TicketMembershipRecords implements MembershipRecords {

    private final Tickets tickets;

    TicketMembershipRecords(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public MembershipKind kind() {
        return MembershipKind.TICKET;
    }

    @Override
    public Optional<MembershipRecord> find(StaffPrincipal actor, UUID recordId) {
        return tickets.find(actor, new TicketId(recordId)).map(ticket -> new MembershipRecord(ticket.id().value(),
                Tickets.RECORD_TYPE, ticket.companyId(), ticket.version(), TicketAccess.canEdit(actor, ticket),
                "/tickets/" + ticket.id(), ticket.subject()));
    }
}
