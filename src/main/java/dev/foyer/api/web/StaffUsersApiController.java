package dev.foyer.api.web;

import java.time.Instant;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.UpdatedSince;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffDirectoryEntry;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Issue 3: integrations read the staff directory (read-only; staff accounts are managed in the UI). */
@RestController
@ApiController
@RequestMapping("/api/v1/staff-users")
@Tag(name = "Staff users", description = "The organization's staff users (read-only)")
class StaffUsersApiController {

    private final StaffAccounts accounts;

    StaffUsersApiController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "List staff users", description = "Ordered by updatedAt, then id.")
    ApiPage<StaffUserRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                          @Parameter(description = "Zero-based page number") @RequestParam(required = false) Integer page,
                                          @Parameter(description = "Page size, 1 to 200 (larger is clamped); default 50") @RequestParam(required = false) Integer size,
                                          @Parameter(description = "ISO-8601 instant; only records updated at or after it") @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        var paging = ApiPaging.of(page, size);
        Instant since = UpdatedSince.parse(updatedSince);
        return ApiPage.of(accounts.directory(client, since, paging), StaffUserRepresentation::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a staff user", description = "The ETag header carries the version.")
    ResponseEntity<StaffUserRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        StaffUserId userId;
        try {
            userId = StaffUserId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ApiNotFoundException("staff user");
        }
        StaffDirectoryEntry entry = accounts.directoryEntry(client, userId)
                .orElseThrow(() -> new ApiNotFoundException("staff user"));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(entry.version()))
                .body(StaffUserRepresentation.of(entry));
    }

    record StaffUserRepresentation(String id, String displayName, String email, StaffRole role, boolean active,
                                   long version, Instant createdAt, Instant updatedAt) {

        static StaffUserRepresentation of(StaffDirectoryEntry entry) {
            return new StaffUserRepresentation(entry.id().toString(), entry.displayName(), entry.email(), entry.role(),
                    entry.active(), entry.version(), entry.createdAt(), entry.updatedAt());
        }
    }
}
