package dev.foyer.finance;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects every problem of an input at once: field name to message key. */
final class Problems {

    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String field, String messageKey) {
        byField.putIfAbsent(field, messageKey);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    void throwIfAny() {
        if (!byField.isEmpty()) {
            throw new FinanceException(byField);
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
