package dev.foyer.projects.web;

import java.time.Instant;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.projects.ItemDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.TaskList;
import dev.foyer.projects.TaskListDetails;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 3: task lists for integrations — list, get, create, update, upsert by external reference. */
@RestController
@ApiController
@RequestMapping(TaskListsApiController.PATH)
@Tag(name = "Task lists", description = "Named, ordered groups of a project's tasks")
class TaskListsApiController extends ItemsApiController<TaskListsApiController.TaskListInput, TaskListsApiController.TaskListRepresentation> {

    static final String PATH = "/api/v1/task-lists";

    TaskListsApiController(ProjectItems items, ProjectsApiSupport support) {
        super(ItemKind.TASK_LIST, PATH, items, support);
    }

    record TaskListRepresentation(String id, String projectId, String name, int position, String externalRef, long version, Instant createdAt, Instant updatedAt) {
    }

    /** A task list as a client writes it; the project by id or external reference. */
    record TaskListInput(String name, String projectId, String projectExternalRef, String externalRef, Long version) implements ItemInput {
    }

    @Override
    TaskListRepresentation representation(ProjectItem item) {
        TaskList i = (TaskList) item;
        return new TaskListRepresentation(i.id().toString(), i.projectId().toString(), i.name(), i.position(), i.externalRef(), i.currentVersion(), i.createdAt(), i.updatedAt());
    }

    @Override
    ItemDetails details(ApiPrincipal client, TaskListInput input) {
        return new TaskListDetails(input.name());
    }
}
