package dev.foyer.portal;

import java.util.Objects;
import java.util.UUID;

/** One record that a portal user may or may not see: its kind and id (never trusted to exist). */
public record RecordRef(RecordKind kind, UUID id) {

    public RecordRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static RecordRef of(RecordKind kind, UUID id) {
        return new RecordRef(kind, id);
    }
}
