package dev.foyer.projects;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.identity.StaffUserId;
import dev.foyer.shared.RichText;

/** A task: its list, title, rich-text description, status, assignee (a project staff member) and due date. */
public record TaskDetails(TaskListId taskList, String title, String description, TaskStatus status,
                          StaffUserId assignee, LocalDate dueDate, Boolean shared) implements ItemDetails {

    @Override
    public ItemKind kind() {
        return ItemKind.TASK;
    }

    @Override
    public TaskDetails validated() {
        Problems problems = new Problems();
        problems.required("taskList", taskList, "task.error.taskList");
        problems.required("title", title, 200, "task.error.title");
        String safe = problems.richText("description", description, false, "task.error.description");
        problems.required("status", status, "task.error.status");
        problems.throwIfAny();
        return new TaskDetails(taskList, title.strip(), safe, status, assignee, dueDate, shared);
    }

    @Override
    public Map<String, String> snapshot() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("taskList", taskList == null ? null : taskList.toString());
        fields.put("title", title);
        fields.put("description", RichText.plainText(description));
        fields.put("status", status == null ? null : status.name());
        fields.put("assignee", assignee == null ? null : assignee.toString());
        fields.put("dueDate", dueDate == null ? null : dueDate.toString());
        fields.put("shared", shared == null ? null : shared.toString());
        return fields;
    }
}
