package dev.foyer.portal;

import java.util.UUID;

/**
 * A contact of the viewer's companies as a portal user sees it (EXP-5); fields the user type hides
 * are null (ACC-8). {@code own}: added by this portal user; {@code self}: the user's own contact
 * card (edited on the profile page, not here). The version is for optimistic locking of edits.
 */
public record PortalContact(UUID id, String firstName, String lastName, String email, String phone, String title,
                            boolean own, boolean self, long version) {

    public String fullName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }
}
