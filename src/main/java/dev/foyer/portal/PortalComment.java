package dev.foyer.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment of a project or ticket conversation as a portal user sees it (EXP-2, EXP-3, ACC-11):
 * staff comments read as "the team", a portal user's comment carries that user's name. {@code body}
 * is the stored (sanitized) HTML, null when the user type hides it (ACC-8); pages print {@link #text()}.
 * {@code own}: written by the viewer, who may then edit or delete it where the user type allows.
 */
public record PortalComment(RecordKind kind, UUID id, UUID containerId, String body, boolean fromPortal,
                            String authorName, boolean own, long version, Instant createdAt, boolean edited) {

    /** The body as plain text for printing escaped (the portal never renders comment HTML). */
    public String text() {
        return PortalText.plain(body);
    }
}
