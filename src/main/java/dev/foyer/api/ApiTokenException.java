package dev.foyer.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** An API token change that was refused: each problem names a form field and a message key. */
public class ApiTokenException extends RuntimeException {

    private final Map<String, String> problems;

    public ApiTokenException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        this.problems = Map.copyOf(new LinkedHashMap<>(problems));
    }

    /** Field name ("" for the whole form) to message key. */
    public Map<String, String> problems() {
        return problems;
    }
}
