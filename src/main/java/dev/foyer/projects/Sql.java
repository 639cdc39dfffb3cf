package dev.foyer.projects;

import java.util.Locale;

final class Sql {

    private Sql() {
    }

    /** A LIKE pattern that finds the text anywhere, with LIKE's wildcards taken literally. */
    static String contains(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
