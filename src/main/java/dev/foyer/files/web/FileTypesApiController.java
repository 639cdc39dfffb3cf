package dev.foyer.files.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiFieldError;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.ExternalRef;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.api.UpdatedSince;
import dev.foyer.files.FileType;
import dev.foyer.files.FileTypeId;
import dev.foyer.files.FileTypes;
import dev.foyer.files.FilesException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * Issue 3 item 9: file types for integrations — list, get, create, update, delete (while no file has
 * the type), and get and upsert by external reference.
 */
@RestController
@ApiController
@RequestMapping(FileTypesApiController.PATH)
@Tag(name = "File types", description = "Kinds of files; files of a type that is not a customer file never show on the portal")
class FileTypesApiController {

    static final String PATH = "/api/v1/file-types";

    private final FileTypes fileTypes;
    private final MessageSource messages;

    FileTypesApiController(FileTypes fileTypes, MessageSource messages) {
        this.fileTypes = fileTypes;
        this.messages = messages;
    }

    record FileTypeRepresentation(String id, String name, boolean customerFile, boolean active, String externalRef,
                                  long version, Instant createdAt, Instant updatedAt) {
        static FileTypeRepresentation of(FileType t) {
            return new FileTypeRepresentation(t.id().toString(), t.name(), t.customerFile(), t.active(),
                    t.externalRef(), t.version(), t.createdAt(), t.updatedAt());
        }
    }

    @GetMapping
    @Operation(summary = "List file types", description = "Active and inactive ones, ordered by updatedAt, then id.")
    ApiPage<FileTypeRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size,
                                         @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        return ApiPage.of(fileTypes.changedSince(client, UpdatedSince.parse(updatedSince), ApiPaging.of(page, size)),
                FileTypeRepresentation::of);
    }

    /** A file type as a client writes it; {@code active} left out means active (create) or unchanged (update). */
    record FileTypeInput(String name, Boolean customerFile, Boolean active, String externalRef, Long version) {
    }

    @PostMapping
    @Operation(summary = "Create a file type", description = "externalRef is optional and unique among file types.")
    ResponseEntity<FileTypeRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                  @RequestBody FileTypeInput input) {
        try {
            FileType type = fileTypes.create(client, input.name(), Boolean.TRUE.equals(input.customerFile()),
                    input.active(), input.externalRef());
            return ResponseEntity.created(URI.create(PATH + "/" + type.id()))
                    .header(HttpHeaders.ETAG, ExpectedVersion.etag(type.version())).body(FileTypeRepresentation.of(type));
        } catch (FilesException e) {
            throw invalid(e);
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a file type", description = "name, customerFile and externalRef as for create "
            + "(externalRef left out removes it); active=false deactivates it (no new file gets it). Send the version "
            + "you read (body or If-Match); a stale one gets 409. Nothing is written when nothing differs.")
    ResponseEntity<FileTypeRepresentation> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @RequestBody FileTypeInput input) {
        FileTypeId typeId = parse(id);
        long version = ExpectedVersion.of(input.version(), ifMatch);
        fileTypes.find(client, typeId).orElseThrow(() -> new ApiNotFoundException("file type"));
        try {
            FileType type = fileTypes.update(client, typeId, version, input.name(),
                    Boolean.TRUE.equals(input.customerFile()), input.active(), input.externalRef());
            return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(type.version()))
                    .body(FileTypeRepresentation.of(type));
        } catch (FilesException e) {
            throw invalid(e);
        }
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a file type that no file has",
            description = "A type in use gets 400; deactivate it instead. If-Match or ?version=; a stale one gets 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        FileTypeId typeId = parse(id);
        long expected = ExpectedVersion.of(version, ifMatch);
        fileTypes.find(client, typeId).orElseThrow(() -> new ApiNotFoundException("file type"));
        try {
            fileTypes.delete(client, typeId, expected);
        } catch (FilesException e) {
            throw invalid(e);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/by-external-ref/{ref}")
    @Operation(summary = "Get a file type by its external reference")
    ResponseEntity<FileTypeRepresentation> getByRef(@AuthenticationPrincipal ApiPrincipal client,
                                                    @PathVariable String ref) {
        FileType type = fileTypes.findByExternalRef(client, ExternalRef.required(ref))
                .orElseThrow(() -> new ApiNotFoundException("file type"));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(type.version()))
                .body(FileTypeRepresentation.of(type));
    }

    @GetMapping("/by-external-ref")
    @Operation(summary = "Get a file type by its external reference, given as the ref parameter",
            description = "For references containing '/'.")
    ResponseEntity<FileTypeRepresentation> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                             @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PutMapping("/by-external-ref/{ref}")
    @Operation(summary = "Create or update a file type by its external reference",
            description = "name, customerFile and active as for update; version optional (a stale one gets 409). "
                    + "201 when created, 200 when updated; nothing is written when nothing differs.")
    ResponseEntity<FileTypeRepresentation> upsert(@AuthenticationPrincipal ApiPrincipal client,
                                                  @PathVariable String ref, @RequestBody FileTypeInput input) {
        String externalRef = ExternalRef.required(ref);
        FileTypes.Upserted result;
        try {
            result = fileTypes.upsert(client, externalRef, input.version(), input.name(),
                    Boolean.TRUE.equals(input.customerFile()), input.active());
        } catch (FilesException e) {
            throw invalid(e);
        }
        FileType type = result.type();
        var answer = ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.ETAG, ExpectedVersion.etag(type.version()));
        if (result.created()) {
            answer.location(URI.create(PATH + "/" + type.id()));
        }
        return answer.body(FileTypeRepresentation.of(type));
    }

    @PutMapping("/by-external-ref")
    @Operation(summary = "Create or update a file type by its external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<FileTypeRepresentation> upsertParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                           @RequestParam(required = false) String ref,
                                                           @RequestBody FileTypeInput input) {
        return upsert(client, ref, input);
    }

    private InvalidApiRequestException invalid(FilesException e) {
        List<ApiFieldError> errors = new ArrayList<>();
        e.problems().forEach((field, key) -> errors.add(new ApiFieldError(field,
                messages.getMessage(key, null, key, Locale.ENGLISH))));
        return new InvalidApiRequestException(errors);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a file type")
    ResponseEntity<FileTypeRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        FileType type = fileTypes.find(client, parse(id)).orElseThrow(() -> new ApiNotFoundException("file type"));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(type.version()))
                .body(FileTypeRepresentation.of(type));
    }

    private static FileTypeId parse(String id) {
        try {
            return new FileTypeId(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            throw new ApiNotFoundException("file type");
        }
    }
}
