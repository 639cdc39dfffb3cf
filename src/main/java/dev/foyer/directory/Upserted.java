package dev.foyer.directory;

/** The result of an upsert by external reference: the record, and whether it was created. */
public record Upserted<T>(T record, boolean created) {
}
