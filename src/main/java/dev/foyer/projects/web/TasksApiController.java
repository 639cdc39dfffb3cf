package dev.foyer.projects.web;

import java.time.Instant;
import java.time.LocalDate;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.projects.ItemDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.identity.StaffUserId;
import dev.foyer.projects.Task;
import dev.foyer.projects.TaskDetails;
import dev.foyer.projects.TaskStatus;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 3: tasks for integrations — list, get, create, update, upsert by external reference. */
@RestController
@ApiController
@RequestMapping(TasksApiController.PATH)
@Tag(name = "Tasks", description = "Tasks in task lists; description is rich text (sanitized)")
class TasksApiController extends ItemsApiController<TasksApiController.TaskInput, TasksApiController.TaskRepresentation> {

    static final String PATH = "/api/v1/tasks";

    TasksApiController(ProjectItems items, ProjectsApiSupport support) {
        super(ItemKind.TASK, PATH, items, support);
    }

    record TaskRepresentation(String id, String projectId, String taskListId, String title, String description, TaskStatus status,
                              String assigneeId, LocalDate dueDate, int position, boolean shared, String externalRef, long version, Instant createdAt, Instant updatedAt) {
    }

    /** A task as a client writes it; its list by id or external reference (the project follows from the list); the assignee is a staff member of the project. */
    record TaskInput(String taskListId, String taskListExternalRef, String title, String description, TaskStatus status,
                     String assigneeId, LocalDate dueDate, Boolean shared, String projectId, String projectExternalRef, String externalRef, Long version) implements ItemInput {
    }

    @Override
    TaskRepresentation representation(ProjectItem item) {
        Task i = (Task) item;
        return new TaskRepresentation(i.id().toString(), i.projectId().toString(), i.taskListId().toString(), i.title(),
                i.description(), i.status(), i.assignee() == null ? null : i.assignee().toString(), i.dueDate(), i.position(),
                i.shared(), i.externalRef(), i.currentVersion(), i.createdAt(), i.updatedAt());
    }

    @Override
    ItemDetails details(ApiPrincipal client, TaskInput input) {
        return new TaskDetails(support.taskList(client, input.taskListId(), input.taskListExternalRef()),
                input.title(), input.description(), input.status(),
                ProjectsApiSupport.optionalId(input.assigneeId(),
                        text -> ItemKind.parseId(text).map(StaffUserId::new), "assigneeId"), input.dueDate(),
                input.shared());
    }
}
