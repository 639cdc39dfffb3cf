package dev.foyer.projects;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A document written in Foyer; its body is sanitized rich text. */
@Table("project_document")
public record ProjectDocument(@Id DocumentId id, ProjectId projectId, String title, String body, boolean shared,
                            String externalRef, @Version Long version, Instant createdAt, UUID createdBy, Instant updatedAt,
                            UUID updatedBy) implements ProjectItem {

    static ProjectDocument create(ProjectId project, DocumentDetails d, boolean shared, UUID actor, Instant now) {
        return new ProjectDocument(DocumentId.newId(), project, d.title(), d.body(), shared, null, null, now, actor, now, actor);
    }

    @Override
    public ProjectDocument apply(ItemDetails details, UUID actor, Instant now) {
        DocumentDetails d = (DocumentDetails) details;
        return new ProjectDocument(id, projectId, d.title(), d.body(), d.shared() == null ? shared : d.shared(),
                externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public ProjectDocument withShared(boolean newShared, UUID actor, Instant now) {
        return new ProjectDocument(id, projectId, title, body, newShared, externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public DocumentDetails details() {
        return new DocumentDetails(title, body, shared);
    }

    @Override
    public ProjectDocument withExternalRef(String ref) {
        return new ProjectDocument(id, projectId, title, body, shared, ref, version, createdAt, createdBy, updatedAt,
                updatedBy);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.DOCUMENT;
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
