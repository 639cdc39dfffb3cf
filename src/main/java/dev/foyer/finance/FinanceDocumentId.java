package dev.foyer.finance;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** A quote, invoice, order or contract. */
public record FinanceDocumentId(UUID value) implements TypedId, Serializable {

    public FinanceDocumentId {
        Objects.requireNonNull(value, "value");
    }

    public static FinanceDocumentId newId() {
        return new FinanceDocumentId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<FinanceDocumentId> parse(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty()
                    : Optional.of(new FinanceDocumentId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
