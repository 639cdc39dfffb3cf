package dev.foyer.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.foyer.directory.CompanyId;
import dev.foyer.identity.StaffUserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A project of a customer company (PRODUCT.md §2) with the staff working on it. */
@Table("project")
public record Project(@Id ProjectId id, CompanyId companyId, String name, String description, ProjectStatus status,
                      LocalDate startDate, LocalDate dueDate, String externalRef,
                      @MappedCollection(idColumn = "project_id") Set<ProjectStaffMember> staff,
                      @Version Long version, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy) {

    static Project create(ProjectDetails d, UUID actor, Instant now) {
        return new Project(ProjectId.newId(), d.company(), d.name(), d.description(), d.status(), d.startDate(),
                d.dueDate(), d.externalRef(), Set.of(), null, now, actor, now, actor);
    }

    Project apply(ProjectDetails d, UUID actor, Instant now) {
        return new Project(id, d.company(), d.name(), d.description(), d.status(), d.startDate(), d.dueDate(),
                d.externalRef(), staff, version, createdAt, createdBy, now, actor);
    }

    Project withStaff(Set<ProjectStaffMember> newStaff, UUID actor, Instant now) {
        return new Project(id, companyId, name, description, status, startDate, dueDate, externalRef,
                Set.copyOf(newStaff), version, createdAt, createdBy, now, actor);
    }

    Project withStaffMember(StaffUserId member, UUID actor, Instant now) {
        Set<ProjectStaffMember> members = new HashSet<>(staff);
        members.add(new ProjectStaffMember(member, now, actor));
        return withStaff(members, actor, now);
    }

    Project withoutStaffMember(StaffUserId member, UUID actor, Instant now) {
        Set<ProjectStaffMember> members = new HashSet<>(staff);
        members.removeIf(m -> m.staffUserId().equals(member));
        return withStaff(members, actor, now);
    }

    public boolean hasStaffMember(StaffUserId member) {
        return member != null && staff.stream().anyMatch(m -> m.staffUserId().equals(member));
    }

    public ProjectDetails details() {
        return new ProjectDetails(companyId, name, description, status, startDate, dueDate, externalRef);
    }

    public long currentVersion() {
        return version == null ? 0 : version;
    }
}
