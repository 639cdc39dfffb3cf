package dev.foyer.projects.web;

import java.time.LocalDate;

import dev.foyer.directory.CompanyId;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectDetails;
import dev.foyer.projects.ProjectStatus;
import org.springframework.format.annotation.DateTimeFormat;

/** The project form; {@code companyQuery} narrows the company chooser without JavaScript. */
record ProjectForm(String company, String companyQuery, String name, String description, ProjectStatus status,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate, String externalRef,
                   long version) {

    static ProjectForm forCompany(CompanyId company) {
        return new ProjectForm(company == null ? "" : company.toString(), "", "", "", ProjectStatus.ACTIVE, null, null,
                "", 0);
    }

    static ProjectForm of(Project project) {
        return new ProjectForm(project.companyId().toString(), "", project.name(), project.description(),
                project.status(), project.startDate(), project.dueDate(), project.externalRef(),
                project.currentVersion());
    }

    /** A first visit binds nothing; a re-shown form (to find a company) has a name or a query. */
    boolean blank() {
        return name == null && companyQuery == null;
    }

    ProjectDetails details() {
        return new ProjectDetails(CompanyId.parse(company).orElse(null), name, description, status, startDate, dueDate,
                externalRef);
    }

    ProjectForm withVersion(long newVersion) {
        return new ProjectForm(company, companyQuery, name, description, status, startDate, dueDate, externalRef,
                newVersion);
    }
}
