package dev.foyer.projects.web;

import java.util.UUID;

import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.UpdatedSince;
import dev.foyer.projects.ItemDetails;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectId;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Issue 3: the endpoints every kind of project item has — list (updatedSince), get, create,
 * update, delete, and get and upsert by external reference (docs/api.md). Each subclass is one
 * {@code @RestController @ApiController} for one {@link ItemKind}: it turns its input into the
 * module's details and an item into its representation. DELETE removes an item for good, with
 * the comments on it and, for updates and documents, their files.
 *
 * @param <I> what a client writes
 * @param <R> what a client reads
 */
abstract class ItemsApiController<I extends ItemsApiController.ItemInput, R> {

    /** What every item input says besides its own fields: its project, external reference and version. */
    interface ItemInput {
        String projectId();

        String projectExternalRef();

        String externalRef();

        Long version();
    }

    private final ItemKind kind;
    private final String path;
    final ProjectItems items;
    final ProjectsApiSupport support;

    ItemsApiController(ItemKind kind, String path, ProjectItems items, ProjectsApiSupport support) {
        this.kind = kind;
        this.path = path;
        this.items = items;
        this.support = support;
    }

    abstract R representation(ProjectItem item);

    abstract ItemDetails details(ApiPrincipal client, I input);

    @GetMapping
    @Operation(summary = "List", description = "Items of this kind with updatedAt >= updatedSince, ordered by updatedAt, then id.")
    ApiPage<R> list(@AuthenticationPrincipal ApiPrincipal client, @RequestParam(required = false) Integer page,
                    @RequestParam(required = false) Integer size,
                    @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        return ApiPage.of(items.changedSince(client, kind, UpdatedSince.parse(updatedSince), ApiPaging.of(page, size)),
                this::representation);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get by id", description = "ETag is the version.")
    ResponseEntity<R> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        return ok(found(client, ProjectsApiSupport.itemId(id, kind)));
    }

    @GetMapping("/by-external-ref/{ref}")
    @Operation(summary = "Get by external reference")
    ResponseEntity<R> getByRef(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref) {
        return ok(items.findByExternalRef(client, kind, ProjectsApiSupport.externalRef(ref))
                .orElseThrow(() -> new ApiNotFoundException(kind.recordType())));
    }

    @PostMapping
    @Operation(summary = "Create", description = "The project by projectId or projectExternalRef; shared defaults "
            + "to the organization's sharing default when not given. 201 with Location.")
    ResponseEntity<R> create(@AuthenticationPrincipal ApiPrincipal client, @RequestBody I input) {
        ProjectId project = support.project(client, input.projectId(), input.projectExternalRef());
        ItemDetails details = details(client, input);
        ProjectItem item = support.writing(() -> items.create(client, project, details, input.externalRef()));
        return ProjectsApiSupport.created(item, this::representation, path, item.uuid(), item.currentVersion());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update", description = "Send the version you read (body or If-Match); a stale one gets 409. "
            + "An item stays in its project; shared keeps its value when not given.")
    ResponseEntity<R> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                             @RequestBody I input) {
        UUID itemId = ProjectsApiSupport.itemId(id, kind);
        long version = ExpectedVersion.of(input.version(), ifMatch);
        found(client, itemId);
        ProjectId project = support.project(client, input.projectId(), input.projectExternalRef());
        ItemDetails details = details(client, input);
        return ok(support.writing(() -> items.update(client, kind, itemId, version, project, details,
                input.externalRef())));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete", description = "For good, with the comments on the item and an update's or a "
            + "document's files. Send the version you read (If-Match or ?version=); a stale one gets 409. "
            + "A task list that still holds tasks is refused with 400. 204 when deleted.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        UUID itemId = ProjectsApiSupport.itemId(id, kind);
        long expected = ExpectedVersion.of(version, ifMatch);
        found(client, itemId);
        support.writing(() -> {
            items.delete(client, kind, itemId, expected);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/by-external-ref/{ref}")
    @Operation(summary = "Create or update by external reference",
            description = "201 when created, 200 when updated; nothing is written when nothing differs.")
    ResponseEntity<R> upsert(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref,
                             @RequestBody I input) {
        String externalRef = ProjectsApiSupport.externalRef(ref);
        ProjectId project = support.project(client, input.projectId(), input.projectExternalRef());
        ItemDetails details = details(client, input);
        return ProjectsApiSupport.upserted(support.writing(() -> items.upsert(client, kind, externalRef,
                        input.version(), project, details)), this::representation, path, ProjectItem::uuid,
                ProjectItem::currentVersion);
    }

    private ProjectItem found(ApiPrincipal client, UUID id) {
        return items.find(client, kind, id).orElseThrow(() -> new ApiNotFoundException(kind.recordType()));
    }

    private ResponseEntity<R> ok(ProjectItem item) {
        return ProjectsApiSupport.ok(item, this::representation, item.currentVersion());
    }

    @GetMapping("/by-external-ref")
    @Operation(summary = "Get by external reference, given as the ref parameter", description = "For references containing '/'.")
    ResponseEntity<R> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                            @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PutMapping("/by-external-ref")
    @Operation(summary = "Create or update by external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<R> upsertParameter(@AuthenticationPrincipal ApiPrincipal client,
                                          @RequestParam(required = false) String ref,
                                          @RequestBody I input) {
        return upsert(client, ref, input);
    }
}
