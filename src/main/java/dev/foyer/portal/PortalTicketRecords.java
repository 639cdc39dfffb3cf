package dev.foyer.portal;

import java.util.Optional;
import java.util.UUID;

/**
 * Ticket writes from the portal (EXP-5), implemented by the tickets module, which sits downstream
 * of this one. It decides nothing about who may write: {@link PortalTicketWrites} checks rights,
 * visibility and own/shared first, in the same transaction (ACC-12). A stale version throws
 * {@link dev.foyer.shared.StaleVersionException} and changes nothing. New tickets (clones) go
 * through {@link PortalTicketStore#open}, like tickets a portal user opens.
 */
public interface PortalTicketRecords {

    /** The ticket as stored, every field; never shown to a portal user as is (a {@link FieldMask} applies). */
    Optional<TicketRecord> find(UUID ticketId);

    /** Changes subject, description (HTML) and priority; status, assignee and members stay. History "via portal". */
    TicketRecord update(PortalWriter writer, UUID ticketId, long expectedVersion, String subject, String descriptionHtml,
                        String priority);

    /** Deletes the ticket as staff delete one: for good, with its comments, staff memberships and files. */
    void delete(PortalWriter writer, UUID ticketId, long expectedVersion);

    /** A ticket as stored, with the portal user who opened it (null when staff did). */
    record TicketRecord(UUID id, UUID companyId, String subject, String description, String status, String priority,
                        UUID portalAuthorId, long version) {
    }
}
