package dev.foyer.files.web;

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

/** Issue 3 item 9: file types for integrations — list, get, create, update, delete (while no file has the type). */
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

    record FileTypeRepresentation(String id, String name, boolean customerFile, boolean active, long version,
                                  Instant createdAt, Instant updatedAt) {
        static FileTypeRepresentation of(FileType t) {
            return new FileTypeRepresentation(t.id().toString(), t.name(), t.customerFile(), t.active(), t.version(),
                    t.createdAt(), t.updatedAt());
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

    record FileTypeInput(String name, Boolean customerFile, Boolean active, Long version) {
    }

    @PostMapping
    @Operation(summary = "Create a file type")
    ResponseEntity<FileTypeRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                  @RequestBody FileTypeInput input) {
        try {
            FileType type = fileTypes.create(client, input.name(), Boolean.TRUE.equals(input.customerFile()));
            return ResponseEntity.created(java.net.URI.create(PATH + "/" + type.id()))
                    .header(HttpHeaders.ETAG, ExpectedVersion.etag(type.version())).body(FileTypeRepresentation.of(type));
        } catch (FilesException e) {
            throw invalid(e);
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a file type", description = "name and customerFile as for create; active=false "
            + "deactivates it (no new file gets it). Send the version you read (body or If-Match); a stale one gets 409.")
    ResponseEntity<FileTypeRepresentation> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @RequestBody FileTypeInput input) {
        FileTypeId typeId = parse(id);
        long version = ExpectedVersion.of(input.version(), ifMatch);
        fileTypes.find(client, typeId).orElseThrow(() -> new ApiNotFoundException("file type"));
        try {
            FileType type = fileTypes.update(client, typeId, version, input.name(),
                    Boolean.TRUE.equals(input.customerFile()), input.active());
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
