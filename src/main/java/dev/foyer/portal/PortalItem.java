package dev.foyer.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An item inside a visible project or ticket (task list, task, milestone, update, document, event,
 * comment) as a portal user sees it. {@code containerId} is the project or ticket; {@code parentId}
 * the task list of a task or the item a comment is on. Fields the kind does not have, or the user
 * type hides (ACC-8), or event descriptions not granted (ACC-4), are null. {@code fromPortal}: posted
 * by a portal user (ACC-11).
 */
public record PortalItem(RecordKind kind, UUID id, UUID containerId, UUID parentId, String title, String body,
                         String status, LocalDate dueDate, Boolean done, LocalDateTime startsAt,
                         LocalDateTime endsAt, boolean fromPortal) {

    /** The body (an update's or document's text, an event's description) as the plain text portal pages print. */
    public String bodyText() {
        return PortalText.plain(body);
    }
}
