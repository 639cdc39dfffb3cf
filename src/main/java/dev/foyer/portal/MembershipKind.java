package dev.foyer.portal;

/** ACC-3: the kinds of records portal users can be members of, with the table that keeps their members. */
public enum MembershipKind {
    PROJECT("project_portal_member", "project_id", "project"),
    TICKET("ticket_portal_member", "ticket_id", "ticket");

    private final String table;
    private final String column;
    private final String recordTable;

    MembershipKind(String table, String column, String recordTable) {
        this.table = table;
        this.column = column;
        this.recordTable = recordTable;
    }

    String recordTable() {
        return recordTable;
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
