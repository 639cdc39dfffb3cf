package dev.foyer.projects.web;

import java.time.Instant;
import java.time.LocalDate;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.projects.ItemDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Milestone;
import dev.foyer.projects.MilestoneDetails;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 3: milestones for integrations — list, get, create, update, upsert by external reference. */
@RestController
@ApiController
@RequestMapping(MilestonesApiController.PATH)
@Tag(name = "Milestones", description = "A project's milestones")
class MilestonesApiController extends ItemsApiController<MilestonesApiController.MilestoneInput, MilestonesApiController.MilestoneRepresentation> {

    static final String PATH = "/api/v1/milestones";

    MilestonesApiController(ProjectItems items, ProjectsApiSupport support) {
        super(ItemKind.MILESTONE, PATH, items, support);
    }

    record MilestoneRepresentation(String id, String projectId, String title, LocalDate dueDate, boolean done, boolean shared,
                                   String externalRef, long version, Instant createdAt, Instant updatedAt) {
    }

    /** A milestone as a client writes it; the project by id or external reference. */
    record MilestoneInput(String title, LocalDate dueDate, Boolean done, Boolean shared, String projectId, String projectExternalRef, String externalRef, Long version) implements ItemInput {
    }

    @Override
    MilestoneRepresentation representation(ProjectItem item) {
        Milestone i = (Milestone) item;
        return new MilestoneRepresentation(i.id().toString(), i.projectId().toString(), i.title(), i.dueDate(), i.done(), i.shared(),
                i.externalRef(), i.currentVersion(), i.createdAt(), i.updatedAt());
    }

    @Override
    ItemDetails details(ApiPrincipal client, MilestoneInput input) {
        return new MilestoneDetails(input.title(), input.dueDate(), Boolean.TRUE.equals(input.done()), input.shared());
    }
}
