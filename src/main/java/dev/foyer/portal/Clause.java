package dev.foyer.portal;

import java.util.List;

/**
 * One named rule as SQL: a boolean expression over the aliases of its {@link Predicate}, using only
 * the viewer's bound parameters ({@code :viewer}, {@code :contact}, {@code :scope},
 * {@code :financeKinds}); never text from the request. The message key explains it (with
 * {@code .pass} or {@code .fail} appended).
 */
record Clause(String rule, String sql, String messageKey, List<Object> args) {

    static final String TRUE = "true";
    static final String FALSE = "false";

    Clause {
        args = List.copyOf(args);
    }

    static Clause of(String rule, String sql, String messageKey, Object... args) {
        return new Clause(rule, sql, messageKey, List.of(args));
    }
}
