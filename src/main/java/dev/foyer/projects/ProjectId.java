package dev.foyer.projects;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of a project. */
public record ProjectId(UUID value) implements TypedId, Serializable {

    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    public static ProjectId newId() {
        return new ProjectId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<ProjectId> parse(String text) {
        return ItemKind.uuid(text).map(ProjectId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
