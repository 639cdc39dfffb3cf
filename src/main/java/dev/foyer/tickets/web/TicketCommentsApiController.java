package dev.foyer.tickets.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.api.UpdatedSince;
import dev.foyer.portal.PortalAuthorName;
import dev.foyer.portal.PortalAuthorNames;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketComment;
import dev.foyer.tickets.TicketCommentId;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.TicketException;
import dev.foyer.tickets.TicketId;
import dev.foyer.tickets.Tickets;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 3 item 9: ticket comments for integrations — per ticket under /api/v1/tickets/{id}/comments,
 * and all of them under /api/v1/ticket-comments for syncs. A comment's text and ticket never change
 * once posted (as for staff); only "shared" (Show on portal) is updated. There is no DELETE: Foyer
 * does not delete comments.
 */
@RestController
@ApiController
@Tag(name = "Ticket comments", description = "Comments on tickets; unshared ones are internal notes portal users never see")
class TicketCommentsApiController {

    static final String PER_TICKET = "/api/v1/tickets/{ticketId}/comments";
    static final String PATH = "/api/v1/ticket-comments";

    private final TicketComments comments;
    private final Tickets tickets;
    private final TicketApiSupport support;

    private final PortalAuthorNames portalAuthors;

    TicketCommentsApiController(TicketComments comments, Tickets tickets, TicketApiSupport support,
                                PortalAuthorNames portalAuthors) {
        this.portalAuthors = portalAuthors;
        this.comments = comments;
        this.tickets = tickets;
        this.support = support;
    }

    /**
     * {@code portalAuthor} names the portal user who wrote the comment (EXP-9; {@code authorId} is then the
     * staff user who owns it, LIF-6), null for staff comments.
     */
    record CommentRepresentation(String id, String ticketId, String body, boolean shared, String authorId,
                                 PortalAuthorName portalAuthor, String externalRef, long version, Instant createdAt,
                                 Instant updatedAt) {
        static CommentRepresentation of(TicketComment c, PortalAuthorName portalAuthor) {
            return new CommentRepresentation(c.id().toString(), c.ticketId().toString(), c.body(), c.shared(),
                    c.authorId() == null ? null : c.authorId().toString(), portalAuthor, c.externalRef(), c.version(),
                    c.createdAt(), c.updatedAt());
        }
    }

    /**
     * A comment as a client writes it. {@code shared} missing on create means "as the sharing
     * defaults say" (not shared unless the organization decides otherwise); on update it keeps the
     * current value. {@code body} and {@code ticketId} may be sent back unchanged on update.
     */
    record CommentInput(String ticketId, String ticketExternalRef, String body, Boolean shared, String externalRef,
                        Long version) {
    }

    @GetMapping(PER_TICKET)
    @Operation(summary = "List a ticket's comments", description = "Ordered by updatedAt, then id.")
    ApiPage<CommentRepresentation> listOfTicket(@AuthenticationPrincipal ApiPrincipal client,
                                                @PathVariable String ticketId,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size,
                                                @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        Ticket ticket = visibleTicket(client, ticketId);
        return page(comments.changedSince(client, ticket.id(), UpdatedSince.parse(updatedSince),
                ApiPaging.of(page, size)));
    }

    @GetMapping(PATH)
    @Operation(summary = "List comments of all tickets", description = "For syncs: ordered by updatedAt, then id.")
    ApiPage<CommentRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        return page(comments.changedSince(client, null, UpdatedSince.parse(updatedSince),
                ApiPaging.of(page, size)));
    }

    @GetMapping(PER_TICKET + "/{id}")
    @Operation(summary = "Get a comment of a ticket")
    ResponseEntity<CommentRepresentation> getOfTicket(@AuthenticationPrincipal ApiPrincipal client,
                                                      @PathVariable String ticketId, @PathVariable String id) {
        return ok(commentOf(client, ticketId, id));
    }

    @GetMapping(PATH + "/{id}")
    @Operation(summary = "Get a comment")
    ResponseEntity<CommentRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        return ok(comments.find(client, TicketApiSupport.id(id, TicketCommentId::parse, "ticket comment"))
                .orElseThrow(() -> new ApiNotFoundException("ticket comment")));
    }

    @GetMapping(PATH + "/by-external-ref/{ref}")
    @Operation(summary = "Get a comment by its external reference")
    ResponseEntity<CommentRepresentation> getByRef(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref) {
        return ok(comments.findByExternalRef(client, TicketApiSupport.externalRef(ref))
                .orElseThrow(() -> new ApiNotFoundException("ticket comment")));
    }

    @GetMapping(PATH + "/by-external-ref")
    @Operation(summary = "Get a comment by its external reference, given as the ref parameter",
            description = "For references containing '/'.")
    ResponseEntity<CommentRepresentation> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                            @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PostMapping(PER_TICKET)
    @Operation(summary = "Comment on a ticket",
            description = "Answers 201 with Location. Without 'shared' the comment follows the sharing defaults "
                    + "(an internal note unless the organization shares new comments). The author is the token's creator.")
    ResponseEntity<CommentRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                 @PathVariable String ticketId, @RequestBody CommentInput input) {
        Ticket ticket = visibleTicket(client, ticketId);
        try {
            TicketComment comment = comments.add(client, ticket.id(), input.body(), input.shared(),
                    TicketApiSupport.optionalExternalRef(input.externalRef()));
            return TicketApiSupport.created(representation(comment), comment.version(),
                    PATH + "/" + comment.id());
        } catch (TicketException e) {
            throw support.refused(e, "ticket comment");
        }
    }

    @PutMapping(PER_TICKET + "/{id}")
    @Operation(summary = "Share or unshare a comment",
            description = "Send the version you read (body or If-Match); a stale one gets 409. Only 'shared' changes; "
                    + "a different body or ticketId gets 400.")
    ResponseEntity<CommentRepresentation> update(@AuthenticationPrincipal ApiPrincipal client,
                                                 @PathVariable String ticketId, @PathVariable String id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody CommentInput input) {
        TicketComment comment = commentOf(client, ticketId, id);
        long version = ExpectedVersion.of(input.version(), ifMatch);
        try {
            return ok(comments.update(client, comment.id(), version, ticketIdOf(input), input.body(), input.shared()));
        } catch (TicketException e) {
            throw support.refused(e, "ticket comment");
        }
    }

    @DeleteMapping(PER_TICKET + "/{id}")
    @Operation(summary = "Delete a comment for good", description = "If-Match or ?version=; a stale one gets 409.")
    ResponseEntity<Void> deleteOfTicket(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ticketId,
                                        @PathVariable String id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @RequestParam(required = false) Long version) {
        TicketComment comment = commentOf(client, ticketId, id);
        comments.delete(client, comment.id(), ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(PATH + "/{id}")
    @Operation(summary = "Delete a comment for good", description = "If-Match or ?version=; a stale one gets 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        TicketComment comment = comments.find(client, TicketApiSupport.id(id, TicketCommentId::parse, "ticket comment"))
                .orElseThrow(() -> new ApiNotFoundException("ticket comment"));
        comments.delete(client, comment.id(), ExpectedVersion.of(version, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PutMapping(PATH + "/by-external-ref/{ref}")
    @Operation(summary = "Add or update a comment by its external reference",
            description = "201 when created (ticketId or ticketExternalRef and body required), 200 when updated "
                    + "(only 'shared' changes); nothing is written when nothing differs.")
    ResponseEntity<CommentRepresentation> upsert(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref,
                                                 @RequestBody CommentInput input) {
        String externalRef = TicketApiSupport.externalRef(ref);
        TicketId ticket = ticketIdOf(input);
        if (ticket == null && input.ticketExternalRef() != null) {
            ticket = tickets.findByExternalRef(client, input.ticketExternalRef()).map(Ticket::id)
                    .orElseThrow(() -> new InvalidApiRequestException("ticketExternalRef",
                            "no ticket has this external reference"));
        }
        try {
            return TicketApiSupport.upserted(comments.upsert(client, externalRef, input.version(), ticket, input.body(),
                            input.shared()), this::representation, comment -> PATH + "/" + comment.id(),
                    TicketComment::version);
        } catch (TicketException e) {
            throw support.refused(e, "ticket comment");
        }
    }

    @PutMapping(PATH + "/by-external-ref")
    @Operation(summary = "Add or update a comment by its external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<CommentRepresentation> upsertByParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                            @RequestParam(required = false) String ref,
                                                            @RequestBody CommentInput input) {
        return upsert(client, ref, input);
    }

    private Ticket visibleTicket(ApiPrincipal client, String ticketId) {
        return tickets.find(client, TicketApiSupport.id(ticketId, TicketId::parse, "ticket"))
                .orElseThrow(() -> new ApiNotFoundException("ticket"));
    }

    private TicketComment commentOf(ApiPrincipal client, String ticketId, String id) {
        Ticket ticket = visibleTicket(client, ticketId);
        return comments.find(client, TicketApiSupport.id(id, TicketCommentId::parse, "ticket comment"))
                .filter(comment -> comment.ticketId().equals(ticket.id()))
                .orElseThrow(() -> new ApiNotFoundException("ticket comment"));
    }

    private static TicketId ticketIdOf(CommentInput input) {
        if (input.ticketId() == null) {
            return null;
        }
        return TicketId.parse(input.ticketId())
                .orElseThrow(() -> new InvalidApiRequestException("ticketId", "is not an id"));
    }

    private ResponseEntity<CommentRepresentation> ok(TicketComment comment) {
        return TicketApiSupport.ok(representation(comment), comment.version());
    }

    private CommentRepresentation representation(TicketComment comment) {
        return CommentRepresentation.of(comment,
                portalAuthors.of(PortalAuthorNames.Authored.TICKET_COMMENT, comment.id().value()));
    }

    /** A page of comments with their portal authors, read in one query for the page. */
    private ApiPage<CommentRepresentation> page(org.springframework.data.domain.Page<TicketComment> found) {
        Map<UUID, PortalAuthorName> authors = portalAuthors.of(PortalAuthorNames.Authored.TICKET_COMMENT,
                found.getContent().stream().map(c -> c.id().value()).toList());
        return ApiPage.of(found, c -> CommentRepresentation.of(c, authors.get(c.id().value())));
    }
}
