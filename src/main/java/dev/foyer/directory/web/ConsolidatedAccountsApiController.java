package dev.foyer.directory.web;

import java.time.Instant;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.UpdatedSince;
import dev.foyer.directory.ConsolidatedAccount;
import dev.foyer.directory.ConsolidatedAccountId;
import dev.foyer.directory.ConsolidatedAccounts;
import dev.foyer.directory.DirectoryException;
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

/** Issue 3: consolidated accounts for integrations — list, get, create, rename, upsert by external reference, delete. */
@RestController
@ApiController
@RequestMapping(ConsolidatedAccountsApiController.PATH)
@Tag(name = "Consolidated accounts", description = "Groups of companies")
class ConsolidatedAccountsApiController {

    static final String PATH = "/api/v1/consolidated-accounts";

    private final ConsolidatedAccounts accounts;
    private final DirectoryApiSupport support;

    ConsolidatedAccountsApiController(ConsolidatedAccounts accounts, DirectoryApiSupport support) {
        this.accounts = accounts;
        this.support = support;
    }

    record AccountRepresentation(String id, String name, String externalRef, long version, Instant updatedAt) {
        static AccountRepresentation of(ConsolidatedAccount a) {
            return new AccountRepresentation(a.id().toString(), a.name(), a.externalRef(), a.version(), a.updatedAt());
        }
    }

    record AccountInput(String name, Long version) {
    }

    record NewAccountInput(String name, String externalRef, Long version) {
    }

    @GetMapping
    @Operation(summary = "List consolidated accounts", description = "Ordered by updatedAt, then id.")
    ApiPage<AccountRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        return ApiPage.of(accounts.changedSince(client, UpdatedSince.parse(updatedSince), ApiPaging.of(page, size)),
                AccountRepresentation::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a consolidated account")
    ResponseEntity<AccountRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        ConsolidatedAccount account = accounts.find(client,
                        DirectoryApiSupport.id(id, ConsolidatedAccountId::parse, "consolidated account"))
                .orElseThrow(() -> new ApiNotFoundException("consolidated account"));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(account.version()))
                .body(AccountRepresentation.of(account));
    }

    @PostMapping
    @Operation(summary = "Create a consolidated account")
    ResponseEntity<AccountRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                 @RequestBody NewAccountInput input) {
        try {
            ConsolidatedAccount account = accounts.create(client, input.name(), input.externalRef());
            return ResponseEntity.created(java.net.URI.create(PATH + "/" + account.id()))
                    .header(HttpHeaders.ETAG, ExpectedVersion.etag(account.version()))
                    .body(AccountRepresentation.of(account));
        } catch (DirectoryException e) {
            throw support.invalid(e);
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a consolidated account",
            description = "Send the version you read (body or If-Match); a stale one gets 409.")
    ResponseEntity<AccountRepresentation> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody NewAccountInput input) {
        ConsolidatedAccountId accountId = DirectoryApiSupport.id(id, ConsolidatedAccountId::parse, "consolidated account");
        long expected = ExpectedVersion.of(input.version(), ifMatch);
        accounts.find(client, accountId).orElseThrow(() -> new ApiNotFoundException("consolidated account"));
        try {
            ConsolidatedAccount account = accounts.rename(client, accountId, expected, input.name(), input.externalRef());
            return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(account.version()))
                    .body(AccountRepresentation.of(account));
        } catch (DirectoryException e) {
            throw support.invalid(e);
        }
    }

    @PutMapping("/by-external-ref/{ref}")
    @Operation(summary = "Create or rename a consolidated account by its external reference")
    ResponseEntity<AccountRepresentation> upsert(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref,
                                                 @RequestBody AccountInput input) {
        try {
            return DirectoryApiSupport.upserted(accounts.upsert(client, DirectoryApiSupport.externalRef(ref),
                            input.version(), input.name()), AccountRepresentation::of, PATH,
                    ConsolidatedAccount::id, ConsolidatedAccount::version);
        } catch (DirectoryException e) {
            throw support.invalid(e);
        }
    }

    @GetMapping("/by-external-ref/{ref}")
    @Operation(summary = "Get a consolidated account by its external reference")
    ResponseEntity<AccountRepresentation> getByRef(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref) {
        ConsolidatedAccount account = accounts.findByExternalRef(client, DirectoryApiSupport.externalRef(ref))
                .orElseThrow(() -> new ApiNotFoundException("consolidated account"));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(account.version()))
                .body(AccountRepresentation.of(account));
    }

    @GetMapping("/by-external-ref")
    @Operation(summary = "Get by external reference, given as the ref parameter", description = "For references containing '/'.")
    ResponseEntity<AccountRepresentation> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                            @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PutMapping("/by-external-ref")
    @Operation(summary = "Create or rename by external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<AccountRepresentation> upsertParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                          @RequestParam(required = false) String ref,
                                                          @RequestBody AccountInput input) {
        return upsert(client, ref, input);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Move a consolidated account to the recycle bin",
            description = "Its companies leave the group at once and rejoin it if an admin restores the account.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        ConsolidatedAccountId accountId = DirectoryApiSupport.id(id, ConsolidatedAccountId::parse, "consolidated account");
        long expected = ExpectedVersion.of(version, ifMatch);
        accounts.find(client, accountId).orElseThrow(() -> new ApiNotFoundException("consolidated account"));
        accounts.moveToRecycleBin(client, accountId, expected);
        return ResponseEntity.noContent().build();
    }
}
