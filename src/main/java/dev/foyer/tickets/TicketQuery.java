package dev.foyer.tickets;

import dev.foyer.directory.CompanyId;
import dev.foyer.identity.StaffUserId;

/**
 * Filters and order for the tickets list; any filter may be null. The text finds subjects, or a
 * ticket by its number ("1042" or "#1042").
 */
public record TicketQuery(String text, TicketStatus status, TicketPriority priority, CompanyId company,
                          StaffUserId assignee, Sort sort) {

    public enum Sort {
        RECENTLY_UPDATED, PRIORITY, NUMBER
    }

    public TicketQuery {
        sort = sort == null ? Sort.RECENTLY_UPDATED : sort;
    }

    public static TicketQuery ofCompany(CompanyId company) {
        return new TicketQuery(null, null, null, company, null, Sort.RECENTLY_UPDATED);
    }
}
