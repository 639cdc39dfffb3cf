package dev.foyer.projects.web;

import java.time.Instant;
import java.time.LocalDateTime;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.projects.ItemDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.EventDetails;
import dev.foyer.projects.ProjectEvent;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 3: project events for integrations — list, get, create, update, upsert by external reference. */
@RestController
@ApiController
@RequestMapping(ProjectEventsApiController.PATH)
@Tag(name = "Project events", description = "A project's events; startsAt and endsAt are wall-clock times in the organization's time zone")
class ProjectEventsApiController extends ItemsApiController<ProjectEventsApiController.EventInput, ProjectEventsApiController.EventRepresentation> {

    static final String PATH = "/api/v1/project-events";

    ProjectEventsApiController(ProjectItems items, ProjectsApiSupport support) {
        super(ItemKind.EVENT, PATH, items, support);
    }

    record EventRepresentation(String id, String projectId, String title, LocalDateTime startsAt, LocalDateTime endsAt,
                               String description, boolean shared, String externalRef, long version, Instant createdAt, Instant updatedAt) {
    }

    /** An event as a client writes it (local date-times without offset); the project by id or external reference. */
    record EventInput(String title, LocalDateTime startsAt, LocalDateTime endsAt, String description, Boolean shared,
                      String projectId, String projectExternalRef, String externalRef, Long version) implements ItemInput {
    }

    @Override
    EventRepresentation representation(ProjectItem item) {
        ProjectEvent i = (ProjectEvent) item;
        return new EventRepresentation(i.id().toString(), i.projectId().toString(), i.title(), i.startsAt(), i.endsAt(),
                i.description(), i.shared(), i.externalRef(), i.currentVersion(), i.createdAt(), i.updatedAt());
    }

    @Override
    ItemDetails details(ApiPrincipal client, EventInput input) {
        return new EventDetails(input.title(), input.startsAt(), input.endsAt(), input.description(), input.shared());
    }
}
