package dev.foyer.identity;

import java.util.Objects;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

public record StaffUserId(UUID value) implements TypedId, java.io.Serializable {

    public StaffUserId {
        Objects.requireNonNull(value, "value");
    }

    public static StaffUserId newId() {
        return new StaffUserId(Ids.newId());
    }

    public static StaffUserId parse(String text) {
        return new StaffUserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
