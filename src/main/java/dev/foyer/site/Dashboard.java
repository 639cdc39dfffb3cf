package dev.foyer.site;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.foyer.portal.PortalFinanceDocument;
import dev.foyer.portal.PortalItem;
import dev.foyer.portal.PortalProject;
import dev.foyer.portal.PortalTicket;
import org.springframework.data.domain.Page;

/**
 * EXP-1: the start page's short lists, each read through the visibility component. A list is null
 * when the user type does not grant its module, so the page leaves the section out instead of
 * showing an empty box; {@code projectNames} names the projects of the recent updates.
 */
public record Dashboard(Page<PortalProject> projects, Page<PortalTicket> openTickets,
                        Page<PortalFinanceDocument> outstandingInvoices, Page<PortalFinanceDocument> quotesAwaiting,
                        List<PortalItem> recentUpdates, Map<UUID, String> projectNames) {

    public boolean isEmpty() {
        return projects == null && openTickets == null && outstandingInvoices == null && quotesAwaiting == null
                && recentUpdates == null;
    }
}
