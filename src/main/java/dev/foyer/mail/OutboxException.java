package dev.foyer.mail;

import java.util.Map;

/** An outbox operation refused for a reason an admin can act on; problems map a field ("" for none) to a message key. */
public class OutboxException extends RuntimeException {

    private final transient Map<String, String> problems;

    public OutboxException(Map<String, String> problems) {
        super(String.join(", ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
