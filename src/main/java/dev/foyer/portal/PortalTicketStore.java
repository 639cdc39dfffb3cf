package dev.foyer.portal;

import java.util.UUID;

import dev.foyer.directory.ContactId;

/**
 * Opens a ticket for a portal user (EXP-3) in the tickets module. Called only by
 * {@link PortalInteractions} after it has checked the right, the company's scope and the field
 * rights (ACC-1, PRT-3, PRT-4); the ticket is owned by the author's owner (LIF-6), linked to the
 * contact, and carries {@code portal_author_id}. Answers the new ticket's id.
 */
public interface PortalTicketStore {

    UUID open(PortalAuthor author, UUID company, ContactId contact, String subject, String descriptionHtml,
              String priority);
}
