package dev.foyer.accounts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A portal account change that was refused and changed nothing: form field → message key. */
public class PortalAccountException extends RuntimeException {

    private final Map<String, String> problems;

    public PortalAccountException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static PortalAccountException of(String field, String messageKey) {
        return new PortalAccountException(Map.of(field, messageKey));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
