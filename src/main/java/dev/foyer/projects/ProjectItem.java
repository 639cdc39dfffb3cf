package dev.foyer.projects;

import java.time.Instant;
import java.util.UUID;

/** Something inside a project: a task list, task, milestone, update, document, event or comment. */
public sealed interface ProjectItem permits TaskList, Task, Milestone, ProjectUpdate, ProjectDocument, ProjectEvent,
        ProjectComment {

    ItemKind kind();

    /** The item's id as a plain UUID, the same for every kind. */
    UUID uuid();

    ProjectId projectId();

    /** What the item is called in lists and headings (a title or a name; a comment's is empty). */
    String label();

    /** Whether portal users may see it ("Show on portal", ACC-4); always false for task lists. */
    boolean shared();

    Long version();

    Instant createdAt();

    UUID createdBy();

    Instant updatedAt();

    UUID updatedBy();

    /** The item as it is now, in the shape staff edit it. */
    ItemDetails details();

    /** A copy with the given (validated) details. */
    ProjectItem apply(ItemDetails details, UUID actor, Instant now);

    /** A copy shown on the portal or not. */
    ProjectItem withShared(boolean shared, UUID actor, Instant now);

    /** The item's id in the system a sync brings it from (unique per kind, issue 3 item 9), or null. */
    String externalRef();

    /** A copy with this external reference (the caller saves it with its other changes). */
    ProjectItem withExternalRef(String ref);

    default long currentVersion() {
        return version() == null ? 0 : version();
    }
}
