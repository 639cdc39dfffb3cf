package dev.foyer.portal;

/**
 * The kinds of records the visibility component answers for (ACC-1..ACC-8): a project and the
 * items inside it, a ticket and its comments, a financial document, a stored file. Each names the
 * table it lives in; the SQL that decides visibility is in {@link Visibility}.
 */
public enum RecordKind {
    PROJECT("project"),
    TASK_LIST("task_list"),
    TASK("task"),
    MILESTONE("milestone"),
    UPDATE("project_update"),
    DOCUMENT("project_document"),
    EVENT("project_event"),
    PROJECT_COMMENT("project_comment"),
    TICKET("ticket"),
    TICKET_COMMENT("ticket_comment"),
    FINANCE_DOCUMENT("finance_document"),
    FILE("stored_file");

    private final String table;

    RecordKind(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }

    /** Whether this kind lives inside a project (ACC-4). */
    public boolean isProjectItem() {
        return switch (this) {
            case TASK_LIST, TASK, MILESTONE, UPDATE, DOCUMENT, EVENT, PROJECT_COMMENT -> true;
            default -> false;
        };
    }

    /** The kind of record a file's owner type names (dev.foyer.files.OwnerRef), if portal users can see such files. */
    public static java.util.Optional<RecordKind> ofFileOwner(String ownerType) {
        return java.util.Optional.ofNullable(ownerType == null ? null : Visibility.FILE_OWNERS.get(ownerType));
    }
}
