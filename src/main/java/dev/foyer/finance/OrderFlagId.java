package dev.foyer.finance;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** A status flag orders can carry. */
public record OrderFlagId(UUID value) implements TypedId, Serializable {

    public OrderFlagId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderFlagId newId() {
        return new OrderFlagId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<OrderFlagId> parse(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty()
                    : Optional.of(new OrderFlagId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
