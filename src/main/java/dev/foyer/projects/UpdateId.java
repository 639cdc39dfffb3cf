package dev.foyer.projects;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of a project update. */
public record UpdateId(UUID value) implements TypedId, Serializable {

    public UpdateId {
        Objects.requireNonNull(value, "value");
    }

    public static UpdateId newId() {
        return new UpdateId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<UpdateId> parse(String text) {
        return ItemKind.uuid(text).map(UpdateId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
