package dev.foyer.projects;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of a task. */
public record TaskId(UUID value) implements TypedId, Serializable {

    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    public static TaskId newId() {
        return new TaskId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<TaskId> parse(String text) {
        return ItemKind.uuid(text).map(TaskId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
