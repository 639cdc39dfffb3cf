package dev.foyer.projects;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of a project comment. */
public record CommentId(UUID value) implements TypedId, Serializable {

    public CommentId {
        Objects.requireNonNull(value, "value");
    }

    public static CommentId newId() {
        return new CommentId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<CommentId> parse(String text) {
        return ItemKind.uuid(text).map(CommentId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
