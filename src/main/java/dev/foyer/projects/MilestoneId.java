package dev.foyer.projects;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.shared.Ids;
import dev.foyer.shared.TypedId;

/** The id of a milestone. */
public record MilestoneId(UUID value) implements TypedId, Serializable {

    public MilestoneId {
        Objects.requireNonNull(value, "value");
    }

    public static MilestoneId newId() {
        return new MilestoneId(Ids.newId());
    }

    /** Parses an id from a URL or form; empty if it is not an id at all. */
    public static Optional<MilestoneId> parse(String text) {
        return ItemKind.uuid(text).map(MilestoneId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
