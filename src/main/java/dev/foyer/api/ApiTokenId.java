package dev.foyer.api;

import java.util.Objects;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

public record ApiTokenId(UUID value) implements TypedId, java.io.Serializable {

    public ApiTokenId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiTokenId newId() {
        return new ApiTokenId(Ids.newId());
    }

    public static ApiTokenId parse(String text) {
        return new ApiTokenId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
