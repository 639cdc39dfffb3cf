package dev.foyer.directory.web;

import java.net.URI;
import java.time.Instant;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.api.UpdatedSince;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyDetails;
import dev.foyer.directory.CompanyId;
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

/** Issue 3: companies for integrations — list, get, create, update, delete, upsert by external reference. */
@RestController
@ApiController
@RequestMapping(CompaniesApiController.PATH)
@Tag(name = "Companies", description = "Customer companies")
class CompaniesApiController {

    static final String PATH = "/api/v1/companies";

    private final Companies companies;
    private final ConsolidatedAccounts accounts;
    private final DirectoryApiSupport support;

    CompaniesApiController(Companies companies, ConsolidatedAccounts accounts, DirectoryApiSupport support) {
        this.companies = companies;
        this.accounts = accounts;
        this.support = support;
    }

    record CompanyRepresentation(String id, String name, String domain, String address, String phone, String notes,
                                 String consolidatedAccountId, String externalRef, long version, Instant createdAt,
                                 Instant updatedAt) {
        static CompanyRepresentation of(Company c) {
            return new CompanyRepresentation(c.id().toString(), c.name(), c.domain(), c.address(), c.phone(),
                    c.notes(), c.consolidatedAccountId() == null ? null : c.consolidatedAccountId().toString(),
                    c.externalRef(), c.version(), c.createdAt(), c.updatedAt());
        }
    }

    /** A company as a client writes it; the account is named by id or by its external reference. */
    record CompanyInput(String name, String domain, String address, String phone, String notes,
                        String consolidatedAccountId, String consolidatedAccountExternalRef, String externalRef,
                        Long version) {
    }

    @GetMapping
    @Operation(summary = "List companies", description = "Active companies ordered by updatedAt, then id.")
    ApiPage<CompanyRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        return ApiPage.of(companies.changedSince(client, UpdatedSince.parse(updatedSince), ApiPaging.of(page, size)),
                CompanyRepresentation::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a company")
    ResponseEntity<CompanyRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        Company company = companies.find(client, DirectoryApiSupport.id(id, CompanyId::parse, "company"))
                .orElseThrow(() -> new ApiNotFoundException("company"));
        return ok(company);
    }

    @GetMapping("/by-external-ref/{ref}")
    @Operation(summary = "Get a company by its external reference")
    ResponseEntity<CompanyRepresentation> getByRef(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref) {
        Company company = companies.findByExternalRef(client, DirectoryApiSupport.externalRef(ref))
                .orElseThrow(() -> new ApiNotFoundException("company"));
        return ok(company);
    }

    @PostMapping
    @Operation(summary = "Create a company")
    ResponseEntity<CompanyRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                 @RequestBody CompanyInput input) {
        try {
            Company company = companies.create(client, details(client, input, input.externalRef()));
            return ResponseEntity.created(URI.create(PATH + "/" + company.id()))
                    .header(HttpHeaders.ETAG, ExpectedVersion.etag(company.version()))
                    .body(CompanyRepresentation.of(company));
        } catch (DirectoryException e) {
            throw support.invalid(e);
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a company", description = "Send the version you read (body or If-Match); a stale one gets 409.")
    ResponseEntity<CompanyRepresentation> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody CompanyInput input) {
        CompanyId companyId = DirectoryApiSupport.id(id, CompanyId::parse, "company");
        long version = ExpectedVersion.of(input.version(), ifMatch);
        companies.find(client, companyId).orElseThrow(() -> new ApiNotFoundException("company"));
        try {
            return ok(companies.update(client, companyId, version, details(client, input, input.externalRef())));
        } catch (DirectoryException e) {
            throw support.invalid(e);
        }
    }

    @PutMapping("/by-external-ref/{ref}")
    @Operation(summary = "Create or update a company by its external reference",
            description = "201 when created, 200 when updated; nothing is written when nothing differs.")
    ResponseEntity<CompanyRepresentation> upsert(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref,
                                                 @RequestBody CompanyInput input) {
        String externalRef = DirectoryApiSupport.externalRef(ref);
        try {
            return DirectoryApiSupport.upserted(companies.upsert(client, externalRef, input.version(),
                            details(client, input, externalRef)), CompanyRepresentation::of, PATH,
                    Company::id, Company::version);
        } catch (DirectoryException e) {
            throw support.invalid(e);
        }
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Move a company and its contacts to the recycle bin")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        CompanyId companyId = DirectoryApiSupport.id(id, CompanyId::parse, "company");
        long expected = ExpectedVersion.of(version, ifMatch);
        companies.find(client, companyId).orElseThrow(() -> new ApiNotFoundException("company"));
        companies.moveToRecycleBin(client, companyId, expected);
        return ResponseEntity.noContent().build();
    }

    private CompanyDetails details(ApiPrincipal client, CompanyInput input, String externalRef) {
        ConsolidatedAccountId account = null;
        if (input.consolidatedAccountExternalRef() != null) {
            account = accounts.findByExternalRef(client, input.consolidatedAccountExternalRef())
                    .orElseThrow(() -> new InvalidApiRequestException("consolidatedAccountExternalRef",
                            "no consolidated account has this external reference")).id();
        } else if (input.consolidatedAccountId() != null) {
            account = ConsolidatedAccountId.parse(input.consolidatedAccountId())
                    .orElseThrow(() -> new InvalidApiRequestException("consolidatedAccountId", "is not an id"));
        }
        return new CompanyDetails(input.name(), input.domain(), input.address(), input.phone(), input.notes(), account,
                externalRef);
    }

    private static ResponseEntity<CompanyRepresentation> ok(Company company) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(company.version()))
                .body(CompanyRepresentation.of(company));
    }

    @GetMapping("/by-external-ref")
    @Operation(summary = "Get by external reference, given as the ref parameter", description = "For references containing '/'.")
    ResponseEntity<CompanyRepresentation> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                            @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PutMapping("/by-external-ref")
    @Operation(summary = "Create or update by external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<CompanyRepresentation> upsertParameter(@AuthenticationPrincipal ApiPrincipal client,
                                               @RequestParam(required = false) String ref,
                                               @RequestBody CompanyInput input) {
        return upsert(client, ref, input);
    }
}
