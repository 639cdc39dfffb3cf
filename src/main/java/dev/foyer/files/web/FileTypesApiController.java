package dev.foyer.files.web;

import java.time.Instant;
import java.util.UUID;

import dev.foyer.api.ApiController;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.UpdatedSince;
import dev.foyer.files.FileType;
import dev.foyer.files.FileTypeId;
import dev.foyer.files.FileTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Issue 3 item 9: file types for integrations, read-only (admins manage them under Settings). */
@RestController
@ApiController
@RequestMapping(FileTypesApiController.PATH)
@Tag(name = "File types", description = "Kinds of files; files of a type that is not a customer file never show on the portal")
class FileTypesApiController {

    static final String PATH = "/api/v1/file-types";

    private final FileTypes fileTypes;

    FileTypesApiController(FileTypes fileTypes) {
        this.fileTypes = fileTypes;
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
