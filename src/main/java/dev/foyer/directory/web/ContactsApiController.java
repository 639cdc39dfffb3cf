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
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactDetails;
import dev.foyer.directory.ContactId;
import dev.foyer.directory.Contacts;
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

/** Issue 3: contacts for integrations — list, get, create, update, delete, upsert by external reference. */
@RestController
@ApiController
@RequestMapping(ContactsApiController.PATH)
@Tag(name = "Contacts", description = "People at customer companies")
class ContactsApiController {

    static final String PATH = "/api/v1/contacts";

    private final Contacts contacts;
    private final Companies companies;
    private final DirectoryApiSupport support;

    ContactsApiController(Contacts contacts, Companies companies, DirectoryApiSupport support) {
        this.contacts = contacts;
        this.companies = companies;
        this.support = support;
    }

    record ContactRepresentation(String id, String companyId, String firstName, String lastName, String email,
                                 String phone, String title, boolean consent, boolean locked, String externalRef,
                                 String language, long version, Instant updatedAt) {
        static ContactRepresentation of(Contact c) {
            return new ContactRepresentation(c.id().toString(), c.companyId().toString(), c.firstName(),
                    c.lastName(), c.email(), c.phone(), c.title(), c.consent(), c.locked(), c.externalRef(),
                    c.language(), c.version(), c.updatedAt());
        }
    }

    /** A contact as a client writes it; the company is named by id or by its external reference. */
    record ContactInput(String firstName, String lastName, String email, String phone, String title,
                        String companyId, String companyExternalRef, Boolean consent, Boolean locked,
                        String externalRef, String language, Long version) {
    }

    @GetMapping
    @Operation(summary = "List contacts", description = "Active contacts ordered by updatedAt, then id.")
    ApiPage<ContactRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        return ApiPage.of(contacts.changedSince(client, UpdatedSince.parse(updatedSince), ApiPaging.of(page, size)),
                ContactRepresentation::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a contact")
    ResponseEntity<ContactRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        return ok(contacts.find(client, DirectoryApiSupport.id(id, ContactId::parse, "contact"))
                .orElseThrow(() -> new ApiNotFoundException("contact")));
    }

    @GetMapping("/by-external-ref/{ref}")
    @Operation(summary = "Get a contact by its external reference")
    ResponseEntity<ContactRepresentation> getByRef(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref) {
        return ok(contacts.findByExternalRef(client, DirectoryApiSupport.externalRef(ref))
                .orElseThrow(() -> new ApiNotFoundException("contact")));
    }

    @PostMapping
    @Operation(summary = "Create a contact")
    ResponseEntity<ContactRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                 @RequestBody ContactInput input) {
        try {
            Contact contact = contacts.create(client, details(client, input, input.externalRef()));
            return ResponseEntity.created(URI.create(PATH + "/" + contact.id()))
                    .header(HttpHeaders.ETAG, ExpectedVersion.etag(contact.version()))
                    .body(ContactRepresentation.of(contact));
        } catch (DirectoryException e) {
            throw support.invalid(e);
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a contact", description = "Send the version you read (body or If-Match); a stale one gets 409.")
    ResponseEntity<ContactRepresentation> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody ContactInput input) {
        ContactId contactId = DirectoryApiSupport.id(id, ContactId::parse, "contact");
        long version = ExpectedVersion.of(input.version(), ifMatch);
        contacts.find(client, contactId).orElseThrow(() -> new ApiNotFoundException("contact"));
        try {
            return ok(contacts.update(client, contactId, version, details(client, input, input.externalRef())));
        } catch (DirectoryException e) {
            throw support.invalid(e);
        }
    }

    @PutMapping("/by-external-ref/{ref}")
    @Operation(summary = "Create or update a contact by its external reference",
            description = "201 when created, 200 when updated; nothing is written when nothing differs.")
    ResponseEntity<ContactRepresentation> upsert(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String ref,
                                                 @RequestBody ContactInput input) {
        String externalRef = DirectoryApiSupport.externalRef(ref);
        try {
            return DirectoryApiSupport.upserted(contacts.upsert(client, externalRef, input.version(),
                            details(client, input, externalRef)), ContactRepresentation::of, PATH,
                    Contact::id, Contact::version);
        } catch (DirectoryException e) {
            throw support.invalid(e);
        }
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Move a contact to the recycle bin")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        ContactId contactId = DirectoryApiSupport.id(id, ContactId::parse, "contact");
        long expected = ExpectedVersion.of(version, ifMatch);
        contacts.find(client, contactId).orElseThrow(() -> new ApiNotFoundException("contact"));
        contacts.moveToRecycleBin(client, contactId, expected);
        return ResponseEntity.noContent().build();
    }

    private ContactDetails details(ApiPrincipal client, ContactInput input, String externalRef) {
        CompanyId company = null;
        if (input.companyExternalRef() != null) {
            company = companies.findByExternalRef(client, input.companyExternalRef())
                    .orElseThrow(() -> new InvalidApiRequestException("companyExternalRef",
                            "no company has this external reference")).id();
        } else if (input.companyId() != null) {
            company = CompanyId.parse(input.companyId())
                    .orElseThrow(() -> new InvalidApiRequestException("companyId", "is not an id"));
        }
        return new ContactDetails(input.firstName(), input.lastName(), input.email(), input.phone(), input.title(),
                company, Boolean.TRUE.equals(input.consent()), Boolean.TRUE.equals(input.locked()), externalRef,
                input.language());
    }

    private static ResponseEntity<ContactRepresentation> ok(Contact contact) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(contact.version()))
                .body(ContactRepresentation.of(contact));
    }

    @GetMapping("/by-external-ref")
    @Operation(summary = "Get by external reference, given as the ref parameter", description = "For references containing '/'.")
    ResponseEntity<ContactRepresentation> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                            @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PutMapping("/by-external-ref")
    @Operation(summary = "Create or update by external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<ContactRepresentation> upsertParameter(@AuthenticationPrincipal ApiPrincipal client,
                                               @RequestParam(required = false) String ref,
                                               @RequestBody ContactInput input) {
        return upsert(client, ref, input);
    }
}
