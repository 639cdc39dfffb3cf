package dev.foyer.tickets;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects every problem of an input at once: field name to message key. */
final class Problems {

    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String field, String messageKey) {
        byField.putIfAbsent(field, messageKey);
    }

    void required(String field, String value, int max, String messageKey) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            add(field, messageKey);
        }
    }

    void throwIfAny() {
        if (!byField.isEmpty()) {
            throw new TicketException(byField);
        }
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
