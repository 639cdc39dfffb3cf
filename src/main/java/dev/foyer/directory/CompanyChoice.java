package dev.foyer.directory;

/** A company offered in a chooser. */
public record CompanyChoice(CompanyId id, String name) {
}
