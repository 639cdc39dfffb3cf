package dev.foyer.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which rows of one kind a viewer may see: the tables to read ({@code from}), the column that
 * identifies a row, and the clauses that must all hold (ACC-1..ACC-8). Built per request by
 * {@link Visibility}; its SQL is the AND of its clauses.
 */
record Predicate(String from, String idColumn, List<Clause> clauses) {

    Predicate {
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("A predicate without clauses would show everything");
        }
    }

    /** The AND of every clause, each in parentheses. */
    String where() {
        return clauses.stream().map(clause -> "(" + clause.sql() + ")").collect(Collectors.joining(" and "));
    }

    /** Whether the row identified by {@code idExpression} is visible, as a nested SQL boolean. */
    String exists(String idExpression) {
        return "exists (select 1 from " + from + " where " + idColumn + " = " + idExpression + " and " + where() + ")";
    }

    Predicate and(List<Clause> more) {
        List<Clause> all = new ArrayList<>(clauses);
        all.addAll(more);
        return new Predicate(from, idColumn, all);
    }

    Predicate from(String newFrom, String newIdColumn) {
        return new Predicate(newFrom, newIdColumn, clauses);
    }
}
