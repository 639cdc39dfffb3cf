package dev.foyer.portal;

import java.util.List;
import java.util.UUID;

/**
 * What the "open a ticket" form offers a portal user (EXP-3, PRT-4): the companies of their scope
 * (ACC-1) and how the user type sees description and priority — a hidden field is not on the form,
 * a read-only one is shown with the value the ticket will get, an editable one can be set.
 */
public record PortalTicketForm(List<Company> companies, FieldAccess description, FieldAccess priority,
                               List<String> priorities) {

    public static final String DEFAULT_PRIORITY = "NORMAL";

    public PortalTicketForm {
        companies = List.copyOf(companies);
        priorities = List.copyOf(priorities);
    }

    public record Company(UUID id, String name) {
    }
}
