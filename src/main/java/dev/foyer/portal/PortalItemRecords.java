package dev.foyer.portal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes of a project's milestones, updates, documents and events from the portal (EXP-5),
 * implemented by the projects module, which sits downstream of this one. One interface for the four
 * kinds: values travel by {@link PortalField} of the kind's module, as text (dates ISO, a
 * milestone's done {@code true}/{@code false}, an event's time {@code start/end} as ISO date-times,
 * rich-text bodies as stored HTML). It decides nothing about who may write: {@link PortalRecordWrites}
 * checks rights and visibility first, in the same transaction (ACC-12). Refused input throws
 * {@link PortalException} naming the form field; a stale version throws
 * {@link dev.foyer.shared.StaleVersionException} and changes nothing.
 */
public interface PortalItemRecords {

    /** The item as stored, every field; never shown to a portal user as is (a {@link FieldMask} applies). */
    Optional<ItemRecord> find(PortalModule module, UUID id);

    /** Adds an item shared on the portal (so its author sees it, ACC-4), written by {@code writer}. */
    ItemRecord create(PortalWriter writer, PortalModule module, UUID projectId, Map<PortalField, String> values);

    /** Changes the kind's portal fields; sharing (and an event's description) stay. */
    ItemRecord update(PortalWriter writer, PortalModule module, UUID id, long expectedVersion,
                      Map<PortalField, String> values);

    void delete(PortalWriter writer, PortalModule module, UUID id, long expectedVersion);

    /** An item as stored, with the portal user who wrote it (null when staff did). */
    record ItemRecord(PortalModule module, UUID id, UUID projectId, String title, Map<PortalField, String> values,
                      boolean shared, UUID portalAuthorId, long version) {
    }
}
