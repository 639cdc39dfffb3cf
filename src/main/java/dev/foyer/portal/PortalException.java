package dev.foyer.portal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A portal settings change that was refused and changed nothing. Each problem names a form field
 * ("" for the whole form) and the message key that says what is wrong.
 */
public class PortalException extends RuntimeException {

    private final Map<String, String> problems;

    public PortalException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static PortalException of(String field, String messageKey) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(field, messageKey);
        return new PortalException(one);
    }

    /** Field name ("" for the whole form) to message key, in the order found. */
    public Map<String, String> problems() {
        return problems;
    }

    public String messageKey() {
        return problems.values().iterator().next();
    }
}
