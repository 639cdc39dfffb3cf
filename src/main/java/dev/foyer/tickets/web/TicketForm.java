package dev.foyer.tickets.web;

import dev.foyer.directory.CompanyId;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketDetails;
import dev.foyer.tickets.TicketPriority;

/** The ticket form; {@code companyQuery} narrows the company chooser without JavaScript. */
record TicketForm(String company, String subject, String description, String priority, String assignee,
                  String externalRef, long version, String companyQuery) {

    static TicketForm forCompany(CompanyId company) {
        return new TicketForm(company == null ? "" : company.toString(), "", "", TicketPriority.NORMAL.name(), "", "",
                0, "");
    }

    static TicketForm of(Ticket ticket) {
        return new TicketForm(ticket.companyId().toString(), ticket.subject(), ticket.description(),
                ticket.priority().name(), ticket.assigneeId() == null ? "" : ticket.assigneeId().toString(),
                ticket.externalRef(), ticket.version(), "");
    }

    /** Whether nothing was bound: a first visit rather than a form re-shown to find a company. */
    boolean untouched() {
        return companyQuery == null && subject == null;
    }

    TicketDetails details() {
        return new TicketDetails(CompanyId.parse(company).orElse(null), subject, RichInput.fromTextarea(description),
                TicketWeb.priority(priority), TicketWeb.staffUser(assignee), externalRef);
    }

    TicketForm withVersion(long newVersion) {
        return new TicketForm(company, subject, description, priority, assignee, externalRef, newVersion, companyQuery);
    }
}
