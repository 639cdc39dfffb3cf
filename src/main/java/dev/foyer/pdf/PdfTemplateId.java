package dev.foyer.pdf;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

public record PdfTemplateId(UUID value) implements TypedId {

    public PdfTemplateId {
        Objects.requireNonNull(value, "value");
    }

    public static PdfTemplateId newId() {
        return new PdfTemplateId(Ids.newId());
    }

    /** The id in the text, or empty when it is not a UUID. */
    public static Optional<PdfTemplateId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new PdfTemplateId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
