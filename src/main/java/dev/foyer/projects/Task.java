package dev.foyer.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.foyer.identity.StaffUserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A task in a task list; its description is sanitized rich text. */
@Table("task")
public record Task(@Id TaskId id, ProjectId projectId, TaskListId taskListId, String title, String description,
                   TaskStatus status, @Column("assignee_id") StaffUserId assignee, LocalDate dueDate, int position,
                   boolean shared, String externalRef, @Version Long version, Instant createdAt, UUID createdBy, Instant updatedAt,
                   UUID updatedBy) implements ProjectItem {

    static Task create(ProjectId project, TaskDetails d, boolean shared, int position, UUID actor, Instant now) {
        return new Task(TaskId.newId(), project, d.taskList(), d.title(), d.description(), d.status(), d.assignee(),
                d.dueDate(), position, shared, null, null, now, actor, now, actor);
    }

    @Override
    public Task apply(ItemDetails details, UUID actor, Instant now) {
        TaskDetails d = (TaskDetails) details;
        return new Task(id, projectId, d.taskList(), d.title(), d.description(), d.status(), d.assignee(),
                d.dueDate(), position, d.shared() == null ? shared : d.shared(), externalRef, version, createdAt, createdBy, now,
                actor);
    }

    Task atPosition(int newPosition) {
        return new Task(id, projectId, taskListId, title, description, status, assignee, dueDate, newPosition, shared,
                externalRef, version, createdAt, createdBy, updatedAt, updatedBy);
    }

    @Override
    public Task withShared(boolean newShared, UUID actor, Instant now) {
        return new Task(id, projectId, taskListId, title, description, status, assignee, dueDate, position, newShared,
                externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public TaskDetails details() {
        return new TaskDetails(taskListId, title, description, status, assignee, dueDate, shared);
    }

    @Override
    public Task withExternalRef(String ref) {
        return new Task(id, projectId, taskListId, title, description, status, assignee, dueDate, position, shared, ref,
                version, createdAt, createdBy, updatedAt, updatedBy);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.TASK;
    }

    @Override
    public UUID uuid() {
        return id.value();
    }

    @Override
    public String label() {
        return title;
    }

    public boolean done() {
        return status == TaskStatus.DONE;
    }
}
