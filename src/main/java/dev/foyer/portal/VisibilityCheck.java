package dev.foyer.portal;

import java.util.List;

/**
 * One step of "who can see this, and why" (issue 5 item 7): the rule (e.g. {@code ACC-3}), whether
 * the record passes it for the portal user, and a message key with its arguments that says so.
 * The key is the clause's key followed by {@code .pass} or {@code .fail}.
 */
public record VisibilityCheck(String rule, boolean passed, String messageKey, List<Object> args) {

    public VisibilityCheck {
        args = List.copyOf(args);
    }
}
