package dev.foyer.projects.web;

import java.time.Instant;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.projects.ItemDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.DocumentDetails;
import dev.foyer.projects.ProjectDocument;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 3: project documents for integrations — list, get, create, update, upsert by external reference. */
@RestController
@ApiController
@RequestMapping(ProjectDocumentsApiController.PATH)
@Tag(name = "Project documents", description = "Documents written in Foyer; body is rich text (sanitized)")
class ProjectDocumentsApiController extends ItemsApiController<ProjectDocumentsApiController.DocumentInput, ProjectDocumentsApiController.DocumentRepresentation> {

    static final String PATH = "/api/v1/project-documents";

    ProjectDocumentsApiController(ProjectItems items, ProjectsApiSupport support) {
        super(ItemKind.DOCUMENT, PATH, items, support);
    }

    record DocumentRepresentation(String id, String projectId, String title, String body, boolean shared, String externalRef, long version, Instant createdAt, Instant updatedAt) {
    }

    /** A document as a client writes it; the project by id or external reference. */
    record DocumentInput(String title, String body, Boolean shared, String projectId, String projectExternalRef, String externalRef, Long version) implements ItemInput {
    }

    @Override
    DocumentRepresentation representation(ProjectItem item) {
        ProjectDocument i = (ProjectDocument) item;
        return new DocumentRepresentation(i.id().toString(), i.projectId().toString(), i.title(), i.body(), i.shared(),
                i.externalRef(), i.currentVersion(), i.createdAt(), i.updatedAt());
    }

    @Override
    ItemDetails details(ApiPrincipal client, DocumentInput input) {
        return new DocumentDetails(input.title(), input.body(), input.shared());
    }
}
