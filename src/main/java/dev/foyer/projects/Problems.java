package dev.foyer.projects;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.shared.RichText;

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

    void required(String field, Object value, String messageKey) {
        if (value == null) {
            add(field, messageKey);
        }
    }

    /** Sanitizes rich text; adds a problem if it is too long, or empty where required. */
    String richText(String field, String html, boolean required, String messageKey) {
        String safe = RichText.sanitize(html);
        if (safe.length() > RichText.MAX_LENGTH || (required && RichText.isBlank(safe))) {
            add(field, messageKey);
        }
        return RichText.isBlank(safe) ? "" : safe;
    }

    void externalRef(String externalRef) {
        String clean = clean(externalRef);
        if (clean != null && (clean.length() > 200 || !clean.chars().allMatch(c -> c >= 0x20 && c != 0x7f))) {
            add("externalRef", "record.error.externalRef");
        }
    }

    void throwIfAny() {
        if (!byField.isEmpty()) {
            throw new ProjectsException(byField);
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
