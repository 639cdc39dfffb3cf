package dev.foyer.tickets;

import java.time.Instant;

import dev.foyer.directory.CompanyId;

/** One row of a tickets list. */
public record TicketSummary(TicketId id, long number, String subject, TicketStatus status, TicketPriority priority,
                            CompanyId companyId, String companyName, String assigneeName, Instant updatedAt) {

    public String reference() {
        return "#" + number;
    }
}
