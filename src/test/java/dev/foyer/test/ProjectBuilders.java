package dev.foyer.test;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import dev.foyer.directory.CompanyId;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.projects.ItemDetails;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectDetails;
import dev.foyer.projects.ProjectId;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.ProjectStatus;
import dev.foyer.projects.Projects;
import dev.foyer.projects.TaskList;
import dev.foyer.projects.TaskListDetails;

/** Builders for projects and their items, created through the real services. */
public final class ProjectBuilders {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ProjectBuilders() {
    }

    public static ProjectBuilder aProject() {
        return new ProjectBuilder();
    }

    public static TaskList aTaskList(ProjectItems items, StaffPrincipal actor, ProjectId project) {
        return (TaskList) items.create(actor, project, new TaskListDetails("List " + SEQUENCE.incrementAndGet()));
    }

    public static <T extends ProjectItem> T anItem(ProjectItems items, StaffPrincipal actor, ProjectId project,
                                                   ItemDetails details, Class<T> type) {
        return type.cast(items.create(actor, project, details));
    }

    public static final class ProjectBuilder {
        private String name = "Project " + SEQUENCE.incrementAndGet() + " " + System.nanoTime();
        private String description = "";
        private CompanyId company;
        private ProjectStatus status = ProjectStatus.ACTIVE;
        private LocalDate dueDate;

        public ProjectBuilder named(String name) {
            this.name = name;
            return this;
        }

        public ProjectBuilder describedAs(String description) {
            this.description = description;
            return this;
        }

        public ProjectBuilder of(CompanyId company) {
            this.company = company;
            return this;
        }

        public ProjectBuilder withStatus(ProjectStatus status) {
            this.status = status;
            return this;
        }

        public ProjectBuilder due(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        public Project createdBy(Projects projects, StaffPrincipal actor) {
            return projects.create(actor, new ProjectDetails(company, name, description, status, null, dueDate, null));
        }
    }
}
