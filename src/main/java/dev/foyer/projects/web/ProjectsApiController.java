package dev.foyer.projects.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.api.UpdatedSince;
import dev.foyer.directory.Companies;
import dev.foyer.directory.CompanyId;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectDeletion;
import dev.foyer.projects.ProjectDetails;
import dev.foyer.projects.ProjectId;
import dev.foyer.projects.ProjectStatus;
import dev.foyer.projects.Projects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 3: projects for integrations — list, get, create, update, upsert by external reference, delete (for good,
 * with everything in it); staff members are chosen by staff.
 */
@RestController
@ApiController
@RequestMapping(ProjectsApiController.PATH)
@Tag(name = "Projects", description = "Projects of customer companies; description is rich text (sanitized)")
class ProjectsApiController {

    static final String PATH = "/api/v1/projects";

    private final Projects projects;
    private final Companies companies;
    private final ProjectsApiSupport support;
    private final ProjectDeletion deletion;

    ProjectsApiController(Projects projects, Companies companies, ProjectsApiSupport support, ProjectDeletion deletion) {
        this.deletion = deletion;
        this.projects = projects;
        this.companies = companies;
        this.support = support;
    }

    record ProjectRepresentation(String id, String companyId, String name, String description, ProjectStatus status,
                                 LocalDate startDate, LocalDate dueDate, List<String> staffMemberIds,
                                 String externalRef, long version, Instant createdAt, Instant updatedAt) {
        static ProjectRepresentation of(Project p) {
            return new ProjectRepresentation(p.id().toString(), p.companyId().toString(), p.name(), p.description(),
                    p.status(), p.startDate(), p.dueDate(),
                    p.staff().stream().map(m -> m.staffUserId().toString()).sorted().toList(), p.externalRef(),
                    p.currentVersion(), p.createdAt(), p.updatedAt());
        }
    }

    /** A project as a client writes it; the company by id or by its external reference. */
    record ProjectInput(String companyId, String companyExternalRef, String name, String description,
                        ProjectStatus status, LocalDate startDate, LocalDate dueDate, String externalRef,
                        Long version) {
    }

    @GetMapping
    @Operation(summary = "List projects", description = "Projects with updatedAt >= updatedSince, ordered by updatedAt, then id.")
    ApiPage<ProjectRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        return ApiPage.of(projects.changedSince(client, UpdatedSince.parse(updatedSince), ApiPaging.of(page, size)),
                ProjectRepresentation::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a project")
    ResponseEntity<ProjectRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        return ok(found(client, ProjectsApiSupport.id(id, ProjectId::parse, "project")));
    }

    @GetMapping("/by-external-ref/{ref}")
    @Operation(summary = "Get a project by its external reference")
    ResponseEntity<ProjectRepresentation> getByRef(@AuthenticationPrincipal ApiPrincipal client,
                                                   @PathVariable String ref) {
        return ok(projects.findByExternalRef(client, ProjectsApiSupport.externalRef(ref))
                .orElseThrow(() -> new ApiNotFoundException("project")));
    }

    @PostMapping
    @Operation(summary = "Create a project")
    ResponseEntity<ProjectRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                 @RequestBody ProjectInput input) {
        ProjectDetails details = details(client, input, input.externalRef());
        Project project = support.writing(() -> projects.create(client, details));
        return ProjectsApiSupport.created(project, ProjectRepresentation::of, PATH, project.id(),
                project.currentVersion());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a project", description = "Send the version you read (body or If-Match); a stale one gets 409.")
    ResponseEntity<ProjectRepresentation> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody ProjectInput input) {
        ProjectId projectId = ProjectsApiSupport.id(id, ProjectId::parse, "project");
        long version = ExpectedVersion.of(input.version(), ifMatch);
        found(client, projectId);
        ProjectDetails details = details(client, input, input.externalRef());
        return ok(support.writing(() -> projects.update(client, projectId, version, details)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a project for good, with everything in it",
            description = "Its task lists, tasks, milestones, updates, documents, events, comments, files and staff go "
                    + "with it; there is no undo. If-Match or ?version=; a stale one gets 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        ProjectId projectId = ProjectsApiSupport.id(id, ProjectId::parse, "project");
        long expected = ExpectedVersion.of(version, ifMatch);
        found(client, projectId);
        deletion.delete(client, projectId, expected);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/by-external-ref/{ref}")
    @Operation(summary = "Create or update a project by its external reference",
            description = "201 when created, 200 when updated; nothing is written when nothing differs.")
    ResponseEntity<ProjectRepresentation> upsert(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref,
                                                 @RequestBody ProjectInput input) {
        String externalRef = ProjectsApiSupport.externalRef(ref);
        ProjectDetails details = details(client, input, externalRef);
        return ProjectsApiSupport.upserted(support.writing(() -> projects.upsert(client, externalRef, input.version(),
                details)), ProjectRepresentation::of, PATH, Project::id, Project::currentVersion);
    }

    private Project found(ApiPrincipal client, ProjectId id) {
        return projects.find(client, id).orElseThrow(() -> new ApiNotFoundException("project"));
    }

    private ProjectDetails details(ApiPrincipal client, ProjectInput input, String externalRef) {
        CompanyId company = null;
        if (input.companyExternalRef() != null) {
            company = companies.findByExternalRef(client, input.companyExternalRef())
                    .orElseThrow(() -> new InvalidApiRequestException("companyExternalRef",
                            "no company has this external reference")).id();
        } else if (input.companyId() != null) {
            company = CompanyId.parse(input.companyId())
                    .orElseThrow(() -> new InvalidApiRequestException("companyId", "is not an id"));
        }
        return new ProjectDetails(company, input.name(), input.description(), input.status(), input.startDate(),
                input.dueDate(), externalRef);
    }

    private static ResponseEntity<ProjectRepresentation> ok(Project project) {
        return ProjectsApiSupport.ok(project, ProjectRepresentation::of, project.currentVersion());
    }

    @GetMapping("/by-external-ref")
    @Operation(summary = "Get by external reference, given as the ref parameter", description = "For references containing '/'.")
    ResponseEntity<ProjectRepresentation> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                            @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PutMapping("/by-external-ref")
    @Operation(summary = "Create or update by external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<ProjectRepresentation> upsertParameter(@AuthenticationPrincipal ApiPrincipal client,
                                          @RequestParam(required = false) String ref,
                                          @RequestBody ProjectInput input) {
        return upsert(client, ref, input);
    }
}
