package dev.foyer.audit;

/** One field's value before and after a change; null means empty. */
public record FieldChange(String field, String from, String to) {
}
