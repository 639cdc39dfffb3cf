package dev.foyer.directory;

import java.util.Map;

/** Input the directory refused; each problem names a field ("" for the whole form) and a message key. */
public class DirectoryException extends RuntimeException {

    private final Map<String, String> problems;

    public DirectoryException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    public static DirectoryException of(String field, String messageKey) {
        return new DirectoryException(Map.of(field, messageKey));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
