package dev.foyer.tickets;

import java.time.Instant;

import dev.foyer.directory.CompanyId;
import dev.foyer.portal.PortalAuthorName;

/** One row of a tickets list; {@code openedByPortal} names the portal user who opened it (EXP-9), else null. */
public record TicketSummary(TicketId id, long number, String subject, TicketStatus status, TicketPriority priority,
                            CompanyId companyId, String companyName, String assigneeName, Instant updatedAt,
                            PortalAuthorName openedByPortal) {

    public String reference() {
        return "#" + number;
    }
}
