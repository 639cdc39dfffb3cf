package dev.foyer.projects;

import java.util.LinkedHashMap;
import java.util.Map;

public record TaskListDetails(String name) implements ItemDetails {

    @Override
    public ItemKind kind() {
        return ItemKind.TASK_LIST;
    }

    @Override
    public TaskListDetails validated() {
        Problems problems = new Problems();
        problems.required("name", name, 200, "task.list.error.name");
        problems.throwIfAny();
        return new TaskListDetails(name.strip());
    }

    @Override
    public Boolean shared() {
        return null;
    }

    @Override
    public Map<String, String> snapshot() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        return fields;
    }
}
