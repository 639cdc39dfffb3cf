package dev.foyer.projects;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The kinds of items inside a project. Each names its table, its record type in the history, the
 * path segment staff pages use, and whether it has a "Show on portal" switch (ACC-4: a task list
 * is shown while it holds a shared task, so it has none of its own).
 */
public enum ItemKind {
    TASK_LIST(TaskList.class, "task_list", "task-lists", false),
    TASK(Task.class, "task", "tasks", true),
    MILESTONE(Milestone.class, "milestone", "milestones", true),
    UPDATE(ProjectUpdate.class, "project_update", "updates", true),
    DOCUMENT(ProjectDocument.class, "project_document", "documents", true),
    EVENT(ProjectEvent.class, "project_event", "events", true),
    COMMENT(ProjectComment.class, "project_comment", "comments", true);

    private final Class<? extends ProjectItem> type;
    private final String table;
    private final String slug;
    private final boolean shareable;

    ItemKind(Class<? extends ProjectItem> type, String table, String slug, boolean shareable) {
        this.type = type;
        this.table = table;
        this.slug = slug;
        this.shareable = shareable;
    }

    Class<? extends ProjectItem> type() {
        return type;
    }

    /** The item's table; also its record type in the history. */
    public String table() {
        return table;
    }

    public String recordType() {
        return table;
    }

    /** The path segment of this kind's pages, e.g. {@code tasks}. */
    public String slug() {
        return slug;
    }

    public boolean shareable() {
        return shareable;
    }

    public static Optional<ItemKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The typed id of an item of this kind. */
    Object typedId(UUID id) {
        return switch (this) {
            case TASK_LIST -> new TaskListId(id);
            case TASK -> new TaskId(id);
            case MILESTONE -> new MilestoneId(id);
            case UPDATE -> new UpdateId(id);
            case DOCUMENT -> new DocumentId(id);
            case EVENT -> new EventId(id);
            case COMMENT -> new CommentId(id);
        };
    }

    /** Parses an item id from a URL; empty if it is not an id at all. */
    public static Optional<UUID> parseId(String text) {
        return uuid(text);
    }
}
