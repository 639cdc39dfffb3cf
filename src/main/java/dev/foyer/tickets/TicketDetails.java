package dev.foyer.tickets;

import dev.foyer.directory.CompanyId;
import dev.foyer.identity.StaffUserId;
import dev.foyer.shared.RichText;

/**
 * What staff (or a sync) say about a ticket; {@link #validated()} cleans it, sanitizes the
 * description, or names every problem at once.
 */
public record TicketDetails(CompanyId company, String subject, String description, TicketPriority priority,
                            StaffUserId assignee, String externalRef) {

    public static final int SUBJECT_MAX = 200;

    public TicketDetails validated() {
        Problems problems = new Problems();
        if (company == null) {
            problems.add("company", "ticket.error.company");
        }
        problems.required("subject", subject, SUBJECT_MAX, "ticket.error.subject");
        String safeDescription = RichText.sanitize(description);
        if (safeDescription.length() > RichText.MAX_LENGTH) {
            problems.add("description", "ticket.error.description");
        }
        if (priority == null) {
            problems.add("priority", "ticket.error.priority");
        }
        String cleanRef = Problems.clean(externalRef);
        if (cleanRef != null && (cleanRef.length() > 200 || !cleanRef.chars().allMatch(c -> c >= 0x20 && c != 0x7f))) {
            problems.add("externalRef", "record.error.externalRef");
        }
        problems.throwIfAny();
        return new TicketDetails(company, subject.strip(), RichText.isBlank(safeDescription) ? "" : safeDescription,
                priority, assignee, cleanRef);
    }
}
