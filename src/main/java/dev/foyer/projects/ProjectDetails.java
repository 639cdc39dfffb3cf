package dev.foyer.projects;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.directory.CompanyId;
import dev.foyer.shared.RichText;

/** What staff (or a sync) say about a project; {@link #validated()} cleans it or names every problem. */
public record ProjectDetails(CompanyId company, String name, String description, ProjectStatus status,
                             LocalDate startDate, LocalDate dueDate, String externalRef) {

    public ProjectDetails validated() {
        Problems problems = new Problems();
        problems.required("name", name, 200, "project.error.name");
        problems.required("company", company, "project.error.company");
        String safe = problems.richText("description", description, false, "project.error.description");
        problems.required("status", status, "project.error.status");
        if (startDate != null && dueDate != null && dueDate.isBefore(startDate)) {
            problems.add("dueDate", "project.error.dueBeforeStart");
        }
        problems.externalRef(externalRef);
        problems.throwIfAny();
        return new ProjectDetails(company, name.strip(), safe, status, startDate, dueDate,
                Problems.clean(externalRef));
    }

    Map<String, String> snapshot(String companyName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("company", companyName);
        fields.put("name", name);
        fields.put("description", RichText.plainText(description));
        fields.put("status", status == null ? null : status.name());
        fields.put("startDate", startDate == null ? null : startDate.toString());
        fields.put("dueDate", dueDate == null ? null : dueDate.toString());
        fields.put("externalRef", externalRef);
        return fields;
    }
}
