package dev.foyer.portal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects every problem of an input at once: field name to message key. */
final class Problems {

    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String field, String messageKey) {
        byField.putIfAbsent(field, messageKey);
    }

    boolean has(String field) {
        return byField.containsKey(field);
    }

    void throwIfAny() {
        if (!byField.isEmpty()) {
            throw new PortalException(byField);
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
