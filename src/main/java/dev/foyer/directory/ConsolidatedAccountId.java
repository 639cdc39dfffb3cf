package dev.foyer.directory;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

public record ConsolidatedAccountId(UUID value) implements TypedId, Serializable {

    public ConsolidatedAccountId {
        Objects.requireNonNull(value, "value");
    }

    public static ConsolidatedAccountId newId() {
        return new ConsolidatedAccountId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static java.util.Optional<ConsolidatedAccountId> parse(String text) {
        try {
            return text == null || text.isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(new ConsolidatedAccountId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
