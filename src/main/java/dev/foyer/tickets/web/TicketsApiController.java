package dev.foyer.tickets.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiFieldError;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.api.UpdatedSince;
import dev.foyer.directory.Companies;
import dev.foyer.directory.CompanyId;
import dev.foyer.identity.StaffUserId;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.TicketDetails;
import dev.foyer.tickets.TicketException;
import dev.foyer.tickets.TicketId;
import dev.foyer.tickets.TicketPriority;
import dev.foyer.tickets.TicketStatus;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 3 item 9: tickets for integrations — list, get, create, update (status along its
 * lifecycle), upsert by external reference. There is no DELETE: tickets have no recycle bin or
 * deletion in Foyer; a sync closes a ticket with {@code "status": "CLOSED"}.
 */
@RestController
@ApiController
@RequestMapping(TicketsApiController.PATH)
@Tag(name = "Tickets", description = "Tickets (cases) of companies; comments are under /api/v1/tickets/{id}/comments")
class TicketsApiController {

    static final String PATH = "/api/v1/tickets";

    private final Tickets tickets;
    private final Companies companies;
    private final TicketApiSupport support;

    TicketsApiController(Tickets tickets, Companies companies, TicketApiSupport support) {
        this.tickets = tickets;
        this.companies = companies;
        this.support = support;
    }

    record TicketRepresentation(String id, long number, String companyId, String subject, String description,
                                TicketStatus status, TicketPriority priority, String assigneeId,
                                List<String> memberIds, String externalRef, Instant resolvedAt, long version,
                                Instant createdAt, Instant updatedAt) {
        static TicketRepresentation of(Ticket t) {
            return new TicketRepresentation(t.id().toString(), t.number(), t.companyId().toString(), t.subject(),
                    t.description(), t.status(), t.priority(), t.assigneeId() == null ? null : t.assigneeId().toString(),
                    t.memberIds().stream().map(StaffUserId::toString).sorted().toList(), t.externalRef(),
                    t.resolvedAt(), t.version(), t.createdAt(), t.updatedAt());
        }
    }

    /**
     * A ticket as a client writes it: the company by id or by its external reference, the assignee
     * by staff user id (or null), the description as sanitized HTML or plain text. A missing status
     * keeps the current one (a new ticket opens as OPEN).
     */
    record TicketInput(String companyId, String companyExternalRef, String subject, String description,
                       String status, String priority, String assigneeId, String externalRef, Long version) {
    }

    @GetMapping
    @Operation(summary = "List tickets", description = "Tickets of companies outside the recycle bin, ordered by updatedAt, then id.")
    ApiPage<TicketRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        return ApiPage.of(tickets.changedSince(client, UpdatedSince.parse(updatedSince), ApiPaging.of(page, size)),
                TicketRepresentation::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a ticket")
    ResponseEntity<TicketRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        Ticket ticket = tickets.find(client, TicketApiSupport.id(id, TicketId::parse, "ticket"))
                .orElseThrow(() -> new ApiNotFoundException("ticket"));
        return TicketApiSupport.ok(TicketRepresentation.of(ticket), ticket.version());
    }

    @GetMapping("/by-external-ref/{ref}")
    @Operation(summary = "Get a ticket by its external reference")
    ResponseEntity<TicketRepresentation> getByRef(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref) {
        Ticket ticket = tickets.findByExternalRef(client, TicketApiSupport.externalRef(ref))
                .orElseThrow(() -> new ApiNotFoundException("ticket"));
        return TicketApiSupport.ok(TicketRepresentation.of(ticket), ticket.version());
    }

    @GetMapping("/by-external-ref")
    @Operation(summary = "Get a ticket by its external reference, given as the ref parameter",
            description = "For references containing '/'.")
    ResponseEntity<TicketRepresentation> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                           @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PostMapping
    @Operation(summary = "Open a ticket", description = "Answers 201 with Location. An integration's ticket has no members.")
    ResponseEntity<TicketRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                @RequestBody TicketInput input) {
        List<ApiFieldError> problems = new ArrayList<>();
        TicketDetails details = details(client, input, TicketApiSupport.optionalExternalRef(input.externalRef()), problems);
        TicketStatus status = TicketApiSupport.value(TicketStatus.class, input.status(), "status", problems);
        try {
            requireNoProblems(problems, details);
            Ticket ticket = tickets.open(client, details, status);
            return TicketApiSupport.created(TicketRepresentation.of(ticket), ticket.version(), PATH + "/" + ticket.id());
        } catch (TicketException e) {
            throw support.refused(e, problems, "ticket");
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a ticket",
            description = "Send the version you read (body or If-Match); a stale one gets 409. A status change must "
                    + "follow the lifecycle (OPEN/PENDING → any; RESOLVED → OPEN, CLOSED; CLOSED → OPEN), else 400.")
    ResponseEntity<TicketRepresentation> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestBody TicketInput input) {
        TicketId ticketId = TicketApiSupport.id(id, TicketId::parse, "ticket");
        long version = ExpectedVersion.of(input.version(), ifMatch);
        tickets.find(client, ticketId).orElseThrow(() -> new ApiNotFoundException("ticket"));
        List<ApiFieldError> problems = new ArrayList<>();
        TicketDetails details = details(client, input, TicketApiSupport.optionalExternalRef(input.externalRef()), problems);
        TicketStatus status = TicketApiSupport.value(TicketStatus.class, input.status(), "status", problems);
        try {
            requireNoProblems(problems, details);
            Ticket ticket = tickets.update(client, ticketId, version, details, status);
            return TicketApiSupport.ok(TicketRepresentation.of(ticket), ticket.version());
        } catch (TicketException e) {
            throw support.refused(e, problems, "ticket");
        }
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a ticket", description = "For good, with its comments, staff members and files. "
            + "Send the version you read (If-Match or ?version=); a stale one gets 409. 204 when deleted.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        TicketId ticketId = TicketApiSupport.id(id, TicketId::parse, "ticket");
        long expected = ExpectedVersion.of(version, ifMatch);
        tickets.find(client, ticketId).orElseThrow(() -> new ApiNotFoundException("ticket"));
        try {
            tickets.delete(client, ticketId, expected);
        } catch (TicketException e) {
            throw support.refused(e, "ticket");
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/by-external-ref/{ref}")
    @Operation(summary = "Open or update a ticket by its external reference",
            description = "201 when created, 200 when updated; nothing is written when nothing differs.")
    ResponseEntity<TicketRepresentation> upsert(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref,
                                                @RequestBody TicketInput input) {
        String externalRef = TicketApiSupport.externalRef(ref);
        List<ApiFieldError> problems = new ArrayList<>();
        TicketDetails details = details(client, input, externalRef, problems);
        TicketStatus status = TicketApiSupport.value(TicketStatus.class, input.status(), "status", problems);
        try {
            requireNoProblems(problems, details);
            return TicketApiSupport.upserted(tickets.upsert(client, externalRef, input.version(), details, status),
                    TicketRepresentation::of, ticket -> PATH + "/" + ticket.id(), Ticket::version);
        } catch (TicketException e) {
            throw support.refused(e, problems, "ticket");
        }
    }

    @PutMapping("/by-external-ref")
    @Operation(summary = "Open or update a ticket by its external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<TicketRepresentation> upsertByParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                           @RequestParam(required = false) String ref,
                                                           @RequestBody TicketInput input) {
        return upsert(client, ref, input);
    }

    /** Problems found while reading the input, together with every problem of the fields themselves. */
    private void requireNoProblems(List<ApiFieldError> problems, TicketDetails details) {
        if (problems.isEmpty()) {
            return;
        }
        try {
            details.validated();
        } catch (TicketException e) {
            throw support.refused(e, problems, "ticket");
        }
        throw new InvalidApiRequestException(problems);
    }

    private TicketDetails details(ApiPrincipal client, TicketInput input, String externalRef,
                                  List<ApiFieldError> problems) {
        CompanyId company = null;
        if (input.companyExternalRef() != null) {
            company = companies.findByExternalRef(client, input.companyExternalRef()).map(c -> c.id()).orElse(null);
            if (company == null) {
                problems.add(new ApiFieldError("companyExternalRef", "no company has this external reference"));
            }
        } else if (input.companyId() != null) {
            UUID id = TicketApiSupport.uuid(input.companyId(), "companyId", problems);
            company = id == null ? null : new CompanyId(id);
        }
        UUID assignee = TicketApiSupport.uuid(input.assigneeId(), "assigneeId", problems);
        TicketPriority priority = TicketApiSupport.value(TicketPriority.class, input.priority(), "priority", problems);
        return new TicketDetails(company, input.subject(), input.description(), priority,
                assignee == null ? null : new StaffUserId(assignee), externalRef);
    }
}
