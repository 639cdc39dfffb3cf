package dev.foyer.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A staff account change that was refused. Each problem names a form field (or null for the
 * whole form) and the message key that says what is wrong.
 */
public class StaffAccountException extends RuntimeException {

    private final Map<String, String> problems;

    public StaffAccountException(String field, String messageKey) {
        this(singleton(field, messageKey));
    }

    public StaffAccountException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        this.problems = Map.copyOf(problems.entrySet().stream().collect(LinkedHashMap<String, String>::new,
                (map, e) -> map.put(e.getKey() == null ? "" : e.getKey(), e.getValue()), Map::putAll));
    }

    /** Field name ("" for the whole form) to message key. */
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
