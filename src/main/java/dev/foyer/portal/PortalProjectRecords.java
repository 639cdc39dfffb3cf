package dev.foyer.portal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Project writes from the portal (EXP-5), implemented by the projects module, which sits downstream
 * of this one. It decides nothing about who may write: {@link PortalProjectWrites} checks rights,
 * visibility and own/shared first, in the same transaction (ACC-12). Refused input throws
 * {@link PortalException} naming the form field ({@code name}, {@code description},
 * {@code start_date}, {@code due_date}); a stale version throws
 * {@link dev.foyer.shared.StaleVersionException} and changes nothing.
 */
public interface PortalProjectRecords {

    /** The project as stored, every field; never shown to a portal user as is (a {@link FieldMask} applies). */
    Optional<ProjectRecord> find(UUID projectId);

    /**
     * Adds an active project of {@code companyId}, owned by the writer's inviting staff user (LIF-6)
     * and remembering its portal author; membership is the caller's.
     */
    ProjectRecord create(PortalWriter writer, UUID companyId, ProjectValues values);

    /** Changes name, description and dates; company, status, staff and members stay. History "via portal". */
    ProjectRecord update(PortalWriter writer, UUID projectId, long expectedVersion, ProjectValues values);

    /** Deletes the project as staff delete one: for good, with everything in it. */
    void delete(PortalWriter writer, UUID projectId, long expectedVersion);

    /** What a portal user may write on a project; the description is HTML. */
    record ProjectValues(String name, String descriptionHtml, LocalDate startDate, LocalDate dueDate) {
    }

    /** A project as stored, with the portal user who created it (null when staff did). */
    record ProjectRecord(UUID id, UUID companyId, String name, String description, String status, LocalDate startDate,
                         LocalDate dueDate, UUID portalAuthorId, long version) {
    }
}
