package dev.foyer.shared;

import java.util.UUID;
import java.util.function.Function;

/**
 * Tells the persistence layer how to read and write one typed id. A module declares one bean per
 * id type it persists.
 */
public record TypedIdMapping<T extends TypedId>(Class<T> type, Function<UUID, T> factory) {
}
