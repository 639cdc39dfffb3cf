package dev.foyer.projects.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.api.UpdatedSince;
import dev.foyer.projects.CommentDetails;
import dev.foyer.projects.CommentId;
import dev.foyer.projects.ItemKind;
import dev.foyer.projects.ProjectComment;
import dev.foyer.projects.ProjectId;
import dev.foyer.projects.ProjectItem;
import dev.foyer.projects.ProjectItems;
import dev.foyer.portal.PortalAuthorName;
import dev.foyer.portal.PortalAuthorNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 3 item 9: comments on projects and their items for integrations — list, get, add, delete,
 * and get and upsert by external reference. As for ticket comments, a comment's text and what it is
 * on never change once posted: PUT changes only {@code shared} (and sets an external reference).
 */
@RestController
@ApiController
@RequestMapping(ProjectCommentsApiController.PATH)
@Tag(name = "Project comments", description = "Comments on a project or one of its items; body is rich text (sanitized)")
class ProjectCommentsApiController {

    static final String PATH = "/api/v1/project-comments";

    private final ProjectItems items;
    private final ProjectsApiSupport support;

    private final PortalAuthorNames portalAuthors;

    ProjectCommentsApiController(ProjectItems items, ProjectsApiSupport support, PortalAuthorNames portalAuthors) {
        this.portalAuthors = portalAuthors;
        this.items = items;
        this.support = support;
    }

    /**
     * {@code itemType} is the item's kind as in the paths ({@code tasks}, {@code milestones}, ...), or null;
     * {@code portalAuthor} names the portal user who wrote the comment (EXP-9; {@code authorId} is then
     * the staff user who owns it, LIF-6), null for staff comments.
     */
    record CommentRepresentation(String id, String projectId, String itemType, String itemId, String body,
                                 boolean shared, String authorId, PortalAuthorName portalAuthor, String externalRef,
                                 long version, Instant createdAt, Instant updatedAt) {
        static CommentRepresentation of(ProjectItem item, PortalAuthorName portalAuthor) {
            ProjectComment c = (ProjectComment) item;
            return new CommentRepresentation(c.id().toString(), c.projectId().toString(),
                    c.itemKind() == null ? null : c.itemKind().slug(), c.itemId() == null ? null : c.itemId().toString(),
                    c.body(), c.shared(), c.authorId() == null ? null : c.authorId().toString(), portalAuthor,
                    c.externalRef(), c.currentVersion(), c.createdAt(), c.updatedAt());
        }
    }

    /**
     * A comment as a client writes it: on the project (by id or external reference) itself, or on one
     * of its items named by {@code itemType} ({@code task-lists}, {@code tasks}, {@code milestones},
     * {@code updates}, {@code documents}, {@code events}) and {@code itemId}. On updates the project,
     * item and body may be sent back unchanged (left out, they are not compared).
     */
    record CommentInput(String projectId, String projectExternalRef, String itemType, String itemId, String body,
                        Boolean shared, String externalRef, Long version) {
    }

    /** The item a body names by {@code itemType} and {@code itemId}, or none when it names neither. */
    private record Target(ItemKind kind, UUID id) {

        static Target of(CommentInput input) {
            ItemKind kind = null;
            if (input.itemType() != null) {
                kind = ItemKind.fromSlug(input.itemType()).filter(k -> k != ItemKind.COMMENT)
                        .orElseThrow(() -> new InvalidApiRequestException("itemType", "is not a kind of project item"));
            }
            UUID id = ProjectsApiSupport.optionalId(input.itemId(), ItemKind::parseId, "itemId");
            if ((kind == null) != (id == null)) {
                throw new InvalidApiRequestException("itemId", "itemType and itemId go together");
            }
            return new Target(kind, id);
        }
    }

    @GetMapping
    @Operation(summary = "List comments", description = "Comments with updatedAt >= updatedSince, ordered by updatedAt, then id.")
    ApiPage<CommentRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        var found = items.changedSince(client, ItemKind.COMMENT, UpdatedSince.parse(updatedSince),
                ApiPaging.of(page, size));
        // One query for the page's portal authors (EXP-9).
        Map<UUID, PortalAuthorName> authors = portalAuthors.of(PortalAuthorNames.Authored.PROJECT_COMMENT,
                found.getContent().stream().map(ProjectItem::uuid).toList());
        return ApiPage.of(found, c -> CommentRepresentation.of(c, authors.get(c.uuid())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a comment")
    ResponseEntity<CommentRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        ProjectItem comment = items.find(client, ItemKind.COMMENT, ProjectsApiSupport.itemId(id, ItemKind.COMMENT))
                .orElseThrow(() -> new ApiNotFoundException("comment"));
        return ProjectsApiSupport.ok(comment, this::representation, comment.currentVersion());
    }

    @PostMapping
    @Operation(summary = "Add a comment", description = "shared defaults to the organization's sharing default.")
    ResponseEntity<CommentRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                 @RequestBody CommentInput input) {
        ProjectId project = support.project(client, input.projectId(), input.projectExternalRef());
        if (project == null) {
            throw new InvalidApiRequestException("projectId", "name the project by projectId or projectExternalRef");
        }
        Target target = Target.of(input);
        ProjectComment comment = support.writing(() -> items.comment(client, project, target.kind(), target.id(),
                new CommentDetails(input.body(), input.shared()), input.externalRef()));
        return ProjectsApiSupport.created(comment, this::representation, PATH, comment.id(),
                comment.currentVersion());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Share or unshare a comment", description = "Send the version you read (body or If-Match); "
            + "a stale one gets 409. Only 'shared' changes (and 'externalRef' when given); a different body, project "
            + "or item gets 400.")
    ResponseEntity<CommentRepresentation> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody CommentInput input) {
        UUID commentId = ProjectsApiSupport.itemId(id, ItemKind.COMMENT);
        long version = ExpectedVersion.of(input.version(), ifMatch);
        items.find(client, ItemKind.COMMENT, commentId).orElseThrow(() -> new ApiNotFoundException("comment"));
        ProjectId project = support.project(client, input.projectId(), input.projectExternalRef());
        Target target = Target.of(input);
        ProjectComment comment = support.writing(() -> items.updateComment(client, new CommentId(commentId), version,
                project, target.kind(), target.id(), new CommentDetails(input.body(), input.shared()),
                input.externalRef()));
        return ProjectsApiSupport.ok(comment, this::representation, comment.currentVersion());
    }

    @GetMapping("/by-external-ref/{ref}")
    @Operation(summary = "Get a comment by its external reference")
    ResponseEntity<CommentRepresentation> getByRef(@AuthenticationPrincipal ApiPrincipal client,
                                                   @PathVariable String ref) {
        ProjectItem comment = items.findByExternalRef(client, ItemKind.COMMENT, ProjectsApiSupport.externalRef(ref))
                .orElseThrow(() -> new ApiNotFoundException("comment"));
        return ProjectsApiSupport.ok(comment, this::representation, comment.currentVersion());
    }

    @GetMapping("/by-external-ref")
    @Operation(summary = "Get a comment by its external reference, given as the ref parameter",
            description = "For references containing '/'.")
    ResponseEntity<CommentRepresentation> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                            @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PutMapping("/by-external-ref/{ref}")
    @Operation(summary = "Add or update a comment by its external reference",
            description = "201 when created (projectId or projectExternalRef and body required; itemType and itemId "
                    + "for a comment on an item), 200 when updated (only 'shared' changes; a different body, project "
                    + "or item gets 400); nothing is written when nothing differs.")
    ResponseEntity<CommentRepresentation> upsert(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref,
                                                 @RequestBody CommentInput input) {
        String externalRef = ProjectsApiSupport.externalRef(ref);
        ProjectId project = support.project(client, input.projectId(), input.projectExternalRef());
        Target target = Target.of(input);
        return ProjectsApiSupport.upserted(support.writing(() -> items.upsertComment(client, externalRef,
                        input.version(), project, target.kind(), target.id(),
                        new CommentDetails(input.body(), input.shared()))), this::representation, PATH,
                ProjectComment::uuid, ProjectComment::currentVersion);
    }

    @PutMapping("/by-external-ref")
    @Operation(summary = "Add or update a comment by its external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<CommentRepresentation> upsertParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                          @RequestParam(required = false) String ref,
                                                          @RequestBody CommentInput input) {
        return upsert(client, ref, input);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a comment", description = "For good. Send the version you read (If-Match or "
            + "?version=); a stale one gets 409. 204 when deleted.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        UUID commentId = ProjectsApiSupport.itemId(id, ItemKind.COMMENT);
        long expected = ExpectedVersion.of(version, ifMatch);
        items.find(client, ItemKind.COMMENT, commentId).orElseThrow(() -> new ApiNotFoundException("comment"));
        support.writing(() -> {
            items.delete(client, ItemKind.COMMENT, commentId, expected);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private CommentRepresentation representation(ProjectItem comment) {
        return CommentRepresentation.of(comment,
                portalAuthors.of(PortalAuthorNames.Authored.PROJECT_COMMENT, comment.uuid()));
    }
}
