package dev.foyer.projects;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A comment on the project itself ({@code itemKind} and {@code itemId} null) or on one of its items.
 * Its body is sanitized rich text; {@code externalRef} is its id in the system a sync brings it from.
 */
@Table("project_comment")
public record ProjectComment(@Id CommentId id, ProjectId projectId, ItemKind itemKind, UUID itemId, String body,
                             boolean shared, UUID authorId, String externalRef, @Version Long version, Instant createdAt,
                             UUID createdBy, Instant updatedAt, UUID updatedBy) implements ProjectItem {

    static ProjectComment create(ProjectId project, ItemKind itemKind, UUID itemId, CommentDetails d, boolean shared,
                                 UUID actor, Instant now) {
        return new ProjectComment(CommentId.newId(), project, itemKind, itemId, d.body(), shared, actor, null, null,
                now, actor, now, actor);
    }

    @Override
    public ProjectComment apply(ItemDetails details, UUID actor, Instant now) {
        CommentDetails d = (CommentDetails) details;
        return new ProjectComment(id, projectId, itemKind, itemId, d.body(), d.shared() == null ? shared : d.shared(),
                authorId, externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public ProjectComment withShared(boolean newShared, UUID actor, Instant now) {
        return new ProjectComment(id, projectId, itemKind, itemId, body, newShared, authorId, externalRef, version,
                createdAt, createdBy, now, actor);
    }

    @Override
    public ProjectComment withExternalRef(String ref) {
        return new ProjectComment(id, projectId, itemKind, itemId, body, shared, authorId, ref, version, createdAt,
                createdBy, updatedAt, updatedBy);
    }

    @Override
    public CommentDetails details() {
        return new CommentDetails(body, shared);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.COMMENT;
    }

    @Override
    public UUID uuid() {
        return id.value();
    }

    @Override
    public String label() {
        return "";
    }

    /** Whether the comment is on the project itself rather than on one of its items. */
    public boolean onProject() {
        return itemId == null;
    }
}
