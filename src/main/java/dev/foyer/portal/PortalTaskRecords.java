package dev.foyer.portal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Task writes from the portal (EXP-5), implemented by the projects module, which sits downstream of
 * this one. It decides nothing about who may write: {@link PortalRecordWrites} checks rights and
 * visibility first, in the same transaction (ACC-12). Refused input throws {@link PortalException}
 * naming the form field ({@code title}, {@code description}, {@code status}, {@code due_date}); a
 * stale version throws {@link dev.foyer.shared.StaleVersionException} and changes nothing.
 */
public interface PortalTaskRecords {

    /** The task as stored, every field; never shown to a portal user as is (a {@link FieldMask} applies). */
    Optional<TaskRecord> find(UUID taskId);

    /** Adds a task shared on the portal (so its author sees it, ACC-4), written by {@code writer}. */
    TaskRecord create(PortalWriter writer, UUID projectId, UUID taskListId, TaskValues values);

    /** Changes title, description, status and due date; list, assignee and sharing stay. */
    TaskRecord update(PortalWriter writer, UUID taskId, long expectedVersion, TaskValues values);

    void delete(PortalWriter writer, UUID taskId, long expectedVersion);

    /** What a portal user may write on a task; status is a TaskStatus name. */
    record TaskValues(String title, String description, String status, LocalDate dueDate) {
    }

    /** A task as stored, with the portal user who wrote it (null when staff did). */
    record TaskRecord(UUID id, UUID projectId, UUID taskListId, String title, String description, String status,
                      LocalDate dueDate, boolean shared, UUID portalAuthorId, long version) {
    }
}
