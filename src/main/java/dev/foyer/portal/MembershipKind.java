package dev.foyer.portal;

/** ACC-3: the kinds of records portal users can be members of, with the table that keeps their members. */
public enum MembershipKind {
    PROJECT("project_portal_member", "project_id"),
    TICKET("ticket_portal_member", "ticket_id");

    private final String table;
    private final String column;

    MembershipKind(String table, String column) {
        this.table = table;
        this.column = column;
    }

    String table() {
        return table;
    }

    String column() {
        return column;
    }

    /** The path segment of the staff forms that change members, e.g. {@code project}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<MembershipKind> fromSlug(String slug) {
        return java.util.Arrays.stream(values()).filter(kind -> kind.slug().equals(slug)).findFirst();
    }
}
