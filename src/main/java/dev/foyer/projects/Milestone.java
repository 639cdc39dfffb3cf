package dev.foyer.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("milestone")
public record Milestone(@Id MilestoneId id, ProjectId projectId, String title, LocalDate dueDate, boolean done,
                        boolean shared, String externalRef, @Version Long version, Instant createdAt, UUID createdBy, Instant updatedAt,
                        UUID updatedBy) implements ProjectItem {

    static Milestone create(ProjectId project, MilestoneDetails d, boolean shared, UUID actor, Instant now) {
        return new Milestone(MilestoneId.newId(), project, d.title(), d.dueDate(), d.done(), shared, null, null, now, actor,
                now, actor);
    }

    @Override
    public Milestone apply(ItemDetails details, UUID actor, Instant now) {
        MilestoneDetails d = (MilestoneDetails) details;
        return new Milestone(id, projectId, d.title(), d.dueDate(), d.done(), d.shared() == null ? shared : d.shared(),
                externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public Milestone withShared(boolean newShared, UUID actor, Instant now) {
        return new Milestone(id, projectId, title, dueDate, done, newShared, externalRef, version, createdAt, createdBy, now, actor);
    }

    @Override
    public MilestoneDetails details() {
        return new MilestoneDetails(title, dueDate, done, shared);
    }

    @Override
    public Milestone withExternalRef(String ref) {
        return new Milestone(id, projectId, title, dueDate, done, shared, ref, version, createdAt, createdBy, updatedAt,
                updatedBy);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.MILESTONE;
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
