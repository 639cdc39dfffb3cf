package dev.foyer.projects;

import java.time.Instant;
import java.time.LocalDate;

import dev.foyer.directory.CompanyId;

/** One row of the projects list, with its progress (done tasks of all tasks). */
public record ProjectSummary(ProjectId id, String name, CompanyId companyId, String companyName, ProjectStatus status,
                             LocalDate dueDate, long tasksDone, long tasks, Instant updatedAt) {
}
