package dev.foyer.files;

import java.util.Objects;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

public record StoredFileId(UUID value) implements TypedId {

    public StoredFileId {
        Objects.requireNonNull(value, "value");
    }

    public static StoredFileId newId() {
        return new StoredFileId(Ids.newId());
    }

    public static StoredFileId parse(String text) {
        return new StoredFileId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
