package dev.foyer.tickets;

import dev.foyer.identity.StaffUserId;
import org.springframework.data.relational.core.mapping.Table;

/** A staff user who works on a ticket besides its assignee. */
@Table("ticket_staff_member")
public record TicketMember(StaffUserId staffUserId) {
}
