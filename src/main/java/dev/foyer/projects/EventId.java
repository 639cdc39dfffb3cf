package dev.foyer.projects;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of a project event. */
public record EventId(UUID value) implements TypedId, Serializable {

    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId newId() {
        return new EventId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<EventId> parse(String text) {
        return ItemKind.uuid(text).map(EventId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
