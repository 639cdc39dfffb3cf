package dev.foyer.portal;

/**
 * PRT-5: the kinds of items whose "Show on portal" switch starts as the sharing defaults say.
 * Comments covers project and ticket comments alike.
 */
public enum SharedItem {
    MILESTONES("milestones"), TASKS("tasks"), UPDATES("updates"), DOCUMENTS("documents"), EVENTS("events"),
    COMMENTS("comments"), FILES("files");

    private final String column;

    SharedItem(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
