package dev.foyer.tickets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input the tickets module refused; each problem names a field ("" for the whole form) and a message key. */
public class TicketException extends RuntimeException {

    private final Map<String, String> problems;

    public TicketException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static TicketException of(String field, String messageKey) {
        return new TicketException(Map.of(field, messageKey));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
