package dev.foyer.projects;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An event of the project; start and end are wall-clock times in the organization's time zone. */
@Table("project_event")
public record ProjectEvent(@Id EventId id, ProjectId projectId, String title, LocalDateTime startsAt,
                           LocalDateTime endsAt, String description, boolean shared, String externalRef, @Version Long version,
                           Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy) implements ProjectItem {

    static ProjectEvent create(ProjectId project, EventDetails d, boolean shared, UUID actor, Instant now) {
        return new ProjectEvent(EventId.newId(), project, d.title(), d.startsAt(), d.endsAt(), d.description(), shared,
                null, null, now, actor, now, actor);
    }

    @Override
    public ProjectEvent apply(ItemDetails details, UUID actor, Instant now) {
        EventDetails d = (EventDetails) details;
        return new ProjectEvent(id, projectId, d.title(), d.startsAt(), d.endsAt(), d.description(),
                d.shared() == null ? shared : d.shared(), externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public ProjectEvent withShared(boolean newShared, UUID actor, Instant now) {
        return new ProjectEvent(id, projectId, title, startsAt, endsAt, description, newShared, externalRef, version, createdAt,
                createdBy, now, actor);
    }

    @Override
    public EventDetails details() {
        return new EventDetails(title, startsAt, endsAt, description, shared);
    }

    @Override
    public ProjectEvent withExternalRef(String ref) {
        return new ProjectEvent(id, projectId, title, startsAt, endsAt, description, shared, ref, version, createdAt,
                createdBy, updatedAt, updatedBy);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.EVENT;
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
