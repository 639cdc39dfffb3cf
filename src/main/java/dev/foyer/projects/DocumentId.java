package dev.foyer.projects;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of a project document. */
public record DocumentId(UUID value) implements TypedId, Serializable {

    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    public static DocumentId newId() {
        return new DocumentId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<DocumentId> parse(String text) {
        return ItemKind.uuid(text).map(DocumentId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
