package dev.foyer.projects;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A named, ordered group of a project's tasks. Shown on the portal while it holds a shared task (ACC-4). */
@Table("task_list")
public record TaskList(@Id TaskListId id, ProjectId projectId, String name, int position, String externalRef, @Version Long version,
                       Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy) implements ProjectItem {

    static TaskList create(ProjectId project, TaskListDetails details, int position, UUID actor, Instant now) {
        return new TaskList(TaskListId.newId(), project, details.name(), position, null, null, now, actor, now, actor);
    }

    @Override
    public TaskList apply(ItemDetails details, UUID actor, Instant now) {
        TaskListDetails d = (TaskListDetails) details;
        return new TaskList(id, projectId, d.name(), position, externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public TaskList withShared(boolean shared, UUID actor, Instant now) {
        throw new UnsupportedOperationException("A task list has no sharing switch of its own");
    }

    @Override
    public TaskListDetails details() {
        return new TaskListDetails(name);
    }

    @Override
    public TaskList withExternalRef(String ref) {
        return new TaskList(id, projectId, name, position, ref, version, createdAt, createdBy, updatedAt, updatedBy);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.TASK_LIST;
    }

    @Override
    public UUID uuid() {
        return id.value();
    }

    @Override
    public String label() {
        return name;
    }

    @Override
    public boolean shared() {
        return false;
    }
}
