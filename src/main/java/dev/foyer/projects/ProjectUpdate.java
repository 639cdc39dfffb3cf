package dev.foyer.projects;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A post about the project's progress; its body is sanitized rich text. */
@Table("project_update")
public record ProjectUpdate(@Id UpdateId id, ProjectId projectId, String title, String body, boolean shared,
                            String externalRef, @Version Long version, Instant createdAt, UUID createdBy, Instant updatedAt,
                            UUID updatedBy) implements ProjectItem {

    static ProjectUpdate create(ProjectId project, UpdateDetails d, boolean shared, UUID actor, Instant now) {
        return new ProjectUpdate(UpdateId.newId(), project, d.title(), d.body(), shared, null, null, now, actor, now, actor);
    }

    @Override
    public ProjectUpdate apply(ItemDetails details, UUID actor, Instant now) {
        UpdateDetails d = (UpdateDetails) details;
        return new ProjectUpdate(id, projectId, d.title(), d.body(), d.shared() == null ? shared : d.shared(),
                externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public ProjectUpdate withShared(boolean newShared, UUID actor, Instant now) {
        return new ProjectUpdate(id, projectId, title, body, newShared, externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public UpdateDetails details() {
        return new UpdateDetails(title, body, shared);
    }

    @Override
    public ProjectUpdate withExternalRef(String ref) {
        return new ProjectUpdate(id, projectId, title, body, shared, ref, version, createdAt, createdBy, updatedAt,
                updatedBy);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.UPDATE;
    }

    @Override
    public UUID uuid() {
        return id.value();
    }

    @Override
    public String label() {
        return title;
    }
}
