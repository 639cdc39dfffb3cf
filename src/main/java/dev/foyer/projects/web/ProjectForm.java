package dev.foyer.projects.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.directory.CompanyId;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectDetails;
import dev.foyer.projects.ProjectStatus;

/** The project form; {@code companyQuery} narrows the company chooser without JavaScript. */
record ProjectForm(String company, String companyQuery, String name, String description, String status,
                   String startDate, String dueDate, String externalRef,
                   long version) {

    static ProjectForm forCompany(CompanyId company) {
        return new ProjectForm(company == null ? "" : company.toString(), "", "", "", ProjectStatus.ACTIVE.name(), "", "",
                "", 0);
    }

    static ProjectForm of(Project project) {
        return new ProjectForm(project.companyId().toString(), "", project.name(), project.description(),
                project.status().name(), Forms.text(project.startDate()), Forms.text(project.dueDate()), project.externalRef(),
                project.currentVersion());
    }

    /** A first visit binds nothing; a re-shown form (to find a company) has a name or a query. */
    boolean blank() {
        return name == null && companyQuery == null;
    }

    ProjectDetails details() {
        return new ProjectDetails(CompanyId.parse(company).orElse(null), name, description,
                Forms.status(ProjectStatus.class, status), Forms.date(startDate), Forms.date(dueDate), externalRef);
    }

    /** Dates that are not dates at all: field to message key. */
    Map<String, String> typingProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        Forms.checkDate(problems, "startDate", startDate);
        Forms.checkDate(problems, "dueDate", dueDate);
        return problems;
    }

    ProjectForm withVersion(long newVersion) {
        return new ProjectForm(company, companyQuery, name, description, status, startDate, dueDate, externalRef,
                newVersion);
    }
}
