package dev.foyer.files.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.api.UpdatedSince;
import dev.foyer.files.FileDownload;
import dev.foyer.files.FileTypeId;
import dev.foyer.files.FilesException;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFile;
import dev.foyer.files.StoredFileId;
import dev.foyer.files.StoredFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Issue 3 item 9: the files attached to records, for integrations — list, metadata, content,
 * upload, "Show on portal" and delete. An unknown file and an unknown owner both answer 404.
 */
@RestController
@ApiController
@RequestMapping(FilesApiController.PATH)
@Tag(name = "Files", description = "Files attached to projects, project updates and documents, and tickets")
class FilesApiController {

    static final String PATH = "/api/v1/files";

    private final StoredFiles files;
    private final MessageSource messages;

    FilesApiController(StoredFiles files, MessageSource messages) {
        this.files = files;
        this.messages = messages;
    }

    record FileRepresentation(String id, String ownerType, String ownerId, String name, String fileTypeId,
                              String fileTypeName, boolean customerFile, String contentType, long size, String sha256,
                              boolean shared, String createdBy, long version, Instant createdAt, Instant updatedAt) {
        static FileRepresentation of(StoredFile f) {
            return new FileRepresentation(f.id().toString(), f.owner().type(), f.owner().id().toString(), f.name(),
                    f.fileTypeId().toString(), f.fileTypeName(), f.customerFile(), f.contentType(), f.size(),
                    f.sha256(), f.sharedOnPortal(), f.createdBy() == null ? null : f.createdBy().toString(),
                    f.version(), f.createdAt(), f.updatedAt());
        }
    }

    /** What PUT changes: only "Show on portal". */
    record FileInput(Boolean shared, Long version) {
    }

    @GetMapping
    @Operation(summary = "List files", description = "All files, or those of one owner (ownerType and ownerId), "
            + "ordered by updatedAt, then id.")
    ApiPage<FileRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                     @RequestParam(required = false) String ownerType,
                                     @RequestParam(required = false) String ownerId,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        OwnerRef owner = ownerType == null && ownerId == null ? null : owner(ownerType, ownerId);
        return ApiPage.of(files.changedSince(client, owner, UpdatedSince.parse(updatedSince), ApiPaging.of(page, size)),
                FileRepresentation::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a file's metadata")
    ResponseEntity<FileRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        return ok(files.find(client, fileId(id)).orElseThrow(() -> new ApiNotFoundException("file")));
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "Download a file's content", description = "Always as an attachment; the type is the one "
            + "detected from the bytes when it is on the safe list, else application/octet-stream.")
    ResponseEntity<Resource> content(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        FileDownload download = files.open(client, fileId(id)).orElseThrow(() -> new ApiNotFoundException("file"));
        StoredFile file = download.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.downloadContentType()))
                .contentLength(file.size())
                .eTag(ExpectedVersion.etag(file.version()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file", description = "Multipart: file, ownerType, ownerId, fileTypeId and "
            + "optionally shared (default: the organization's sharing default for files). 404 when the owner "
            + "does not exist.")
    ResponseEntity<FileRepresentation> upload(@AuthenticationPrincipal ApiPrincipal client,
                                              @RequestParam(name = "file", required = false) MultipartFile file,
                                              @RequestParam(required = false) String ownerType,
                                              @RequestParam(required = false) String ownerId,
                                              @RequestParam(required = false) String fileTypeId,
                                              @RequestParam(required = false) Boolean shared) {
        List<ApiFieldError> errors = new ArrayList<>();
        if (file == null) {
            errors.add(new ApiFieldError("file", message("files.error.noFile")));
        }
        if (fileTypeId == null || fileTypeId.isBlank()) {
            errors.add(new ApiFieldError("fileTypeId", "is required"));
        }
        OwnerRef owner = null;
        try {
            owner = owner(ownerType, ownerId);
        } catch (InvalidApiRequestException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidApiRequestException(errors);
        }
        FileTypeId type = fileTypeId(fileTypeId);
        try (InputStream content = file.getInputStream()) {
            StoredFile stored = files.store(client, owner, file.getOriginalFilename(), content, type,
                    shared == null ? files.sharedByDefault() : shared);
            return ResponseEntity.created(URI.create(PATH + "/" + stored.id()))
                    .eTag(ExpectedVersion.etag(stored.version()))
                    .body(FileRepresentation.of(stored));
        } catch (FilesException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Show or hide a file on the portal", description = "Body {shared, version}; the version "
            + "may come as If-Match instead. A stale one gets 409.")
    ResponseEntity<FileRepresentation> update(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestBody FileInput input) {
        StoredFileId fileId = fileId(id);
        long version = ExpectedVersion.of(input.version(), ifMatch);
        if (input.shared() == null) {
            throw new InvalidApiRequestException("shared", "is required (true or false)");
        }
        files.find(client, fileId).orElseThrow(() -> new ApiNotFoundException("file"));
        return ok(files.setShared(client, fileId, version, input.shared()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a file", description = "The version as If-Match or ?version=; a stale one gets 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        StoredFileId fileId = fileId(id);
        long expected = ExpectedVersion.of(version, ifMatch);
        files.find(client, fileId).orElseThrow(() -> new ApiNotFoundException("file"));
        files.delete(client, fileId, expected);
        return ResponseEntity.noContent().build();
    }

    private InvalidApiRequestException invalid(FilesException e) {
        List<ApiFieldError> errors = new ArrayList<>();
        e.problems().forEach((field, key) -> errors.add(new ApiFieldError(field, message(key))));
        return new InvalidApiRequestException(errors);
    }

    private String message(String key) {
        return messages.getMessage(key, new Object[] {files.maxSizeText()}, key, Locale.ENGLISH);
    }

    /** The owner named by a client: malformed → 400; whether it exists is the service's question (404). */
    private static OwnerRef owner(String type, String id) {
        List<ApiFieldError> errors = new ArrayList<>();
        if (!OwnerRef.isValidType(type)) {
            errors.add(new ApiFieldError("ownerType", "is required: an owner type such as project, project-update, "
                    + "project-document or ticket"));
        }
        UUID ownerId = null;
        try {
            ownerId = id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (ownerId == null) {
            errors.add(new ApiFieldError("ownerId", "is required: the id of the record"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidApiRequestException(errors);
        }
        return new OwnerRef(type, ownerId);
    }

    private static FileTypeId fileTypeId(String text) {
        try {
            return FileTypeId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidApiRequestException("fileTypeId", "is not a file type id");
        }
    }

    private static StoredFileId fileId(String text) {
        try {
            return StoredFileId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiNotFoundException("file");
        }
    }

    private static ResponseEntity<FileRepresentation> ok(StoredFile file) {
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(file.version())).body(FileRepresentation.of(file));
    }
}
