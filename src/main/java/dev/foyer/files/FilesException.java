package dev.foyer.files;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file or file type change that was refused and changed nothing. Each problem names a form
 * field (or "" for the whole form) and the message key that says what is wrong.
 */
public class FilesException extends RuntimeException {

    private final Map<String, String> problems;

    public FilesException(String field, String messageKey) {
        this(singleton(field, messageKey));
    }

    public FilesException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        Map<String, String> copy = new LinkedHashMap<>();
        problems.forEach((field, key) -> copy.put(field == null ? "" : field, key));
        this.problems = java.util.Collections.unmodifiableMap(copy);
    }

    /** Field name ("" for the whole form) to message key, in the order found. */
    public Map<String, String> problems() {
        return problems;
    }

    /** The message key of the first problem, for callers that show just one. */
    public String messageKey() {
        return problems.values().iterator().next();
    }

    private static Map<String, String> singleton(String field, String messageKey) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(field, messageKey);
        return map;
    }
}
