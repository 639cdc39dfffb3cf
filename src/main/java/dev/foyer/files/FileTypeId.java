package dev.foyer.files;

import java.util.Objects;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

public record FileTypeId(UUID value) implements TypedId {

    public FileTypeId {
        Objects.requireNonNull(value, "value");
    }

    public static FileTypeId newId() {
        return new FileTypeId(Ids.newId());
    }

    public static FileTypeId parse(String text) {
        return new FileTypeId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
