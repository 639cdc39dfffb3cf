package dev.foyer.projects;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

public record MilestoneDetails(String title, LocalDate dueDate, boolean done, Boolean shared) implements ItemDetails {

    @Override
    public ItemKind kind() {
        return ItemKind.MILESTONE;
    }

    @Override
    public MilestoneDetails validated() {
        Problems problems = new Problems();
        problems.required("title", title, 200, "milestone.error.title");
        problems.required("dueDate", dueDate, "milestone.error.dueDate");
        problems.throwIfAny();
        return new MilestoneDetails(title.strip(), dueDate, done, shared);
    }

    @Override
    public Map<String, String> snapshot() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("dueDate", dueDate == null ? null : dueDate.toString());
        fields.put("done", String.valueOf(done));
        fields.put("shared", shared == null ? null : shared.toString());
        return fields;
    }
}
