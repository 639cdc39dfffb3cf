package dev.foyer.projects.web;

import java.time.Instant;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.projects.ItemDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.ProjectUpdate;
import dev.foyer.projects.UpdateDetails;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 3: project updates for integrations — list, get, create, update, upsert by external reference. */
@RestController
@ApiController
@RequestMapping(ProjectUpdatesApiController.PATH)
@Tag(name = "Project updates", description = "Posts about a project's progress; body is rich text (sanitized)")
class ProjectUpdatesApiController extends ItemsApiController<ProjectUpdatesApiController.UpdateInput, ProjectUpdatesApiController.UpdateRepresentation> {

    static final String PATH = "/api/v1/project-updates";

    ProjectUpdatesApiController(ProjectItems items, ProjectsApiSupport support) {
        super(ItemKind.UPDATE, PATH, items, support);
    }

    record UpdateRepresentation(String id, String projectId, String title, String body, boolean shared, String externalRef, long version, Instant createdAt, Instant updatedAt) {
    }

    /** An update as a client writes it; the project by id or external reference. */
    record UpdateInput(String title, String body, Boolean shared, String projectId, String projectExternalRef, String externalRef, Long version) implements ItemInput {
    }

    @Override
    UpdateRepresentation representation(ProjectItem item) {
        ProjectUpdate i = (ProjectUpdate) item;
        return new UpdateRepresentation(i.id().toString(), i.projectId().toString(), i.title(), i.body(), i.shared(),
                i.externalRef(), i.currentVersion(), i.createdAt(), i.updatedAt());
    }

    @Override
    ItemDetails details(ApiPrincipal client, UpdateInput input) {
        return new UpdateDetails(input.title(), input.body(), input.shared());
    }
}
