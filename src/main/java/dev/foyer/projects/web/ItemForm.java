package dev.foyer.projects.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.projects.CommentDetails;
import dev.foyer.projects.DocumentDetails;
import dev.foyer.projects.EventDetails;
import dev.foyer.projects.ItemDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.Milestone;
import dev.foyer.projects.MilestoneDetails;
import dev.foyer.projects.ProjectComment;
import dev.foyer.projects.ProjectDocument;
import dev.foyer.projects.ProjectEvent;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectUpdate;
import dev.foyer.projects.Task;
import dev.foyer.projects.TaskDetails;
import dev.foyer.projects.TaskList;
import dev.foyer.projects.TaskListDetails;
import dev.foyer.projects.TaskListId;
import dev.foyer.projects.TaskStatus;
import dev.foyer.projects.UpdateDetails;

/**
 * One form for every kind of project item; each kind uses its own fields. {@code shareAsked} is
 * a hidden field that says the form showed the "Show on portal" checkbox, so an unticked box means
 * "not shared" rather than "as the defaults say".
 */
record ItemForm(String name, String title, String description, String body, String status, String taskList,
                String assignee, String dueDate, Boolean done, String startsAt, String endsAt, Boolean shared,
                Boolean shareAsked, long version) {

    static ItemForm empty(boolean sharedByDefault, String taskList) {
        return new ItemForm("", "", "", "", TaskStatus.OPEN.name(), taskList == null ? "" : taskList, "", "", false, "",
                "", sharedByDefault, true, 0);
    }

    static ItemForm of(ProjectItem item) {
        return switch (item) {
            case TaskList l -> new ItemForm(l.name(), "", "", "", null, "", "", "", false, "", "", false, false,
                    l.currentVersion());
            case Task t -> new ItemForm("", t.title(), t.description(), "", t.status().name(), t.taskListId().toString(),
                    Forms.text(t.assignee()), Forms.text(t.dueDate()), false, "", "", t.shared(), true, t.currentVersion());
            case Milestone m -> new ItemForm("", m.title(), "", "", null, "", "", Forms.text(m.dueDate()), m.done(), "", "",
                    m.shared(), true, m.currentVersion());
            case ProjectUpdate u -> new ItemForm("", u.title(), "", u.body(), null, "", "", "", false, "", "",
                    u.shared(), true, u.currentVersion());
            case ProjectDocument d -> new ItemForm("", d.title(), "", d.body(), null, "", "", "", false, "", "",
                    d.shared(), true, d.currentVersion());
            case ProjectEvent e -> new ItemForm("", e.title(), e.description(), "", null, "", "", "", false,
                    Forms.text(e.startsAt()), Forms.text(e.endsAt()), e.shared(), true, e.currentVersion());
            case ProjectComment c -> new ItemForm("", "", "", c.body(), null, "", "", "", false, "", "",
                    c.shared(), true, c.currentVersion());
        };
    }

    ItemDetails details(ItemKind kind) {
        return switch (kind) {
            case TASK_LIST -> new TaskListDetails(name);
            case TASK -> new TaskDetails(TaskListId.parse(taskList).orElse(null), title, description, Forms.status(TaskStatus.class, status),
                    Forms.staffUserId(assignee).orElse(null), Forms.date(dueDate), sharedChoice());
            case MILESTONE -> new MilestoneDetails(title, Forms.date(dueDate), Forms.checked(done), sharedChoice());
            case UPDATE -> new UpdateDetails(title, body, sharedChoice());
            case DOCUMENT -> new DocumentDetails(title, body, sharedChoice());
            case EVENT -> new EventDetails(title, Forms.dateTime(startsAt), Forms.dateTime(endsAt), description,
                    sharedChoice());
            case COMMENT -> new CommentDetails(body, sharedChoice());
        };
    }

    /** Dates and times that are not dates at all: field to message key. */
    Map<String, String> typingProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        Forms.checkDate(problems, "dueDate", dueDate);
        Forms.checkDateTime(problems, "startsAt", startsAt);
        Forms.checkDateTime(problems, "endsAt", endsAt);
        return problems;
    }

    CommentDetails comment() {
        return new CommentDetails(body, sharedChoice());
    }

    /** Null where the form had no "Show on portal" checkbox (the defaults decide). */
    private Boolean sharedChoice() {
        return Forms.checked(shareAsked) ? Forms.checked(shared) : null;
    }

    ItemForm withVersion(long newVersion) {
        return new ItemForm(name, title, description, body, status, taskList, assignee, dueDate, done, startsAt, endsAt,
                shared, shareAsked, newVersion);
    }
}
