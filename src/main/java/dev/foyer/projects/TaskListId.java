package dev.foyer.projects;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of a task list. */
public record TaskListId(UUID value) implements TypedId, Serializable {

    public TaskListId {
        Objects.requireNonNull(value, "value");
    }

    public static TaskListId newId() {
        return new TaskListId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<TaskListId> parse(String text) {
        return ItemKind.uuid(text).map(TaskListId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
