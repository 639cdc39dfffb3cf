package dev.foyer.projects;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalTaskRecords;
import dev.foyer.portal.PortalWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks written from the portal (EXP-5), for the portal module's {@code PortalRecordWrites}, which
 * has authorized each call (rights, field rights, visibility) in the same transaction. Validation,
 * optimistic locking and history are the staff's ({@link ProjectItems}); the task is owned by the
 * inviting staff user (LIF-6, {@code created_by}) and remembers its portal author (V26).
 */
@Component
class ProjectPortalTasks implements PortalTaskRecords {

    private final ProjectItems items;
    private final JdbcClient jdbc;

    ProjectPortalTasks(ProjectItems items, JdbcClient jdbc) {
        this.items = items;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TaskRecord> find(UUID taskId) {
        if (taskId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, project_id, task_list_id, title, description, status, due_date, shared,
                               portal_author_id, version
                        from task where id = :id""")
                .param("id", taskId)
                .query((rs, n) -> new TaskRecord(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getObject("task_list_id", UUID.class), rs.getString("title"), rs.getString("description"),
                        rs.getString("status"), rs.getObject("due_date", LocalDate.class), rs.getBoolean("shared"),
                        rs.getObject("portal_author_id", UUID.class), rs.getLong("version")))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public TaskRecord create(PortalWriter writer, UUID projectId, UUID taskListId, TaskValues values) {
        TaskDetails details = new TaskDetails(new TaskListId(taskListId), values.title(), values.description(),
                status(values.status()), null, values.dueDate(), true);
        ProjectItem created = translated(() -> items.insertAuthorized(writer.recordWriter(), new ProjectId(projectId),
                details));
        jdbc.sql("update task set portal_author_id = :author where id = :id")
                .param("author", writer.portalUser().value()).param("id", created.uuid()).update();
        return find(created.uuid()).orElseThrow();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public TaskRecord update(PortalWriter writer, UUID taskId, long expectedVersion, TaskValues values) {
        TaskRecord current = find(taskId).orElseThrow(() -> PortalException.of("", "record.error.notFound"));
        // The assignee is staff's to set (PortalField.TASK_ASSIGNEE is never editable): it stays.
        UUID assignee = jdbc.sql("select assignee_id from task where id = :id").param("id", taskId)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).optional().flatMap(o -> o).orElse(null);
        TaskDetails details = new TaskDetails(new TaskListId(current.taskListId()), values.title(),
                values.description(), status(values.status()),
                assignee == null ? null : new dev.foyer.identity.StaffUserId(assignee), values.dueDate(), null);
        translated(() -> items.changeAuthorized(writer.recordWriter(), ItemKind.TASK, taskId, expectedVersion, details));
        return find(taskId).orElseThrow();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(PortalWriter writer, UUID taskId, long expectedVersion) {
        translated(() -> {
            items.removeAuthorized(writer.recordWriter(), ItemKind.TASK, taskId, expectedVersion);
            return null;
        });
    }

    /** An unknown status is a problem of the status field, not a crash. */
    private static TaskStatus status(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw PortalException.of("status", "task.error.status");
        }
    }

    /** The portal module cannot name this module's exception; the same problems travel in its own. */
    private static <T> T translated(java.util.function.Supplier<T> write) {
        return ProjectPortalItems.translated(write);
    }
}
