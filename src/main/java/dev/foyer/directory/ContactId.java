package dev.foyer.directory;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

public record ContactId(UUID value) implements TypedId, Serializable {

    public ContactId {
        Objects.requireNonNull(value, "value");
    }

    public static ContactId newId() {
        return new ContactId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static java.util.Optional<ContactId> parse(String text) {
        try {
            return text == null || text.isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(new ContactId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
