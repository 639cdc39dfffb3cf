package dev.foyer.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code updatedSince} parameter of every list: an ISO-8601 instant such as
 * {@code 2026-03-01T12:00:00Z} (an offset such as {@code +01:00} is accepted too). Lists return
 * the records whose {@code updatedAt} is at or after it, ordered by {@code updatedAt} then id, so a
 * sync keeps the greatest {@code updatedAt} it has seen and asks again from there (records at that
 * exact instant come again; applying them again changes nothing).
 */
public final class UpdatedSince {

    public static final String PARAMETER = "updatedSince";

    private UpdatedSince() {
    }

    /** The instant, or null when the parameter is absent or blank; 400 when it is not ISO-8601. */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidApiRequestException(PARAMETER,
                        "must be an ISO-8601 instant such as 2026-03-01T12:00:00Z");
            }
        }
    }
}
