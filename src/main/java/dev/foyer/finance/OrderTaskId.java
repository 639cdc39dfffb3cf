package dev.foyer.finance;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** An internal task of an order. */
public record OrderTaskId(UUID value) implements TypedId, Serializable {

    public OrderTaskId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderTaskId newId() {
        return new OrderTaskId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<OrderTaskId> parse(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty()
                    : Optional.of(new OrderTaskId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
