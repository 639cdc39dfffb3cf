package dev.foyer.projects;

import java.util.Map;

/**
 * What staff (or a sync) say about a project item; {@link #validated()} cleans it (rich text
 * sanitized) or names every problem at once. {@link #shared()} is null where the input did not
 * say: a new item then starts as {@link SharingDefaults} say, an edited one keeps its setting.
 */
public sealed interface ItemDetails permits TaskListDetails, TaskDetails, MilestoneDetails, UpdateDetails,
        DocumentDetails, EventDetails, CommentDetails {

    ItemKind kind();

    ItemDetails validated();

    Boolean shared();

    /** The fields as shown in the record's history. */
    Map<String, String> snapshot();
}
