package dev.foyer.portal;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

public record PortalUserId(UUID value) implements TypedId, Serializable {

    public PortalUserId {
        Objects.requireNonNull(value, "value");
    }

    public static PortalUserId newId() {
        return new PortalUserId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<PortalUserId> parse(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty()
                    : Optional.of(new PortalUserId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
