package dev.foyer.mail;

import java.util.Objects;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of one message in the outbox. */
public record OutboxEntryId(UUID value) implements TypedId, java.io.Serializable {

    public OutboxEntryId {
        Objects.requireNonNull(value, "value");
    }

    public static OutboxEntryId newId() {
        return new OutboxEntryId(Ids.newId());
    }

    public static OutboxEntryId parse(String text) {
        return new OutboxEntryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
