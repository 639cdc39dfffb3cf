package dev.foyer.finance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input or an operation the finance module refused; each problem names a field ("" for the whole
 * document, {@code lines[2].quantity} for a line's field) and a message key.
 */
public class FinanceException extends RuntimeException {

    private final Map<String, String> problems;

    public FinanceException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static FinanceException of(String field, String messageKey) {
        return new FinanceException(Map.of(field, messageKey));
    }

    public Map<String, String> problems() {
        return problems;
    }

    /** The first problem's message key. */
    public String firstKey() {
        return problems.values().iterator().next();
    }
}
