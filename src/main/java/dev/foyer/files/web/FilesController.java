package dev.foyer.files.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import dev.foyer.files.FileDownload;
import dev.foyer.files.FileTypeId;
import dev.foyer.files.FilesException;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFile;
import dev.foyer.files.StoredFileId;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploads, downloads and changes to files attached to records of other modules. The owner's
 * page shows the files fragment (templates/files/fragments.html); every form here leads back
 * there. What the staff user may not see answers 404, the same as what does not exist.
 */
@Controller
@RequestMapping("/files")
class FilesController {

    /** Flash attributes the fragment shows. */
    static final String SAVED = "filesSaved";
    static final String ERROR = "filesError";

    private final StoredFiles files;

    FilesController(StoredFiles files) {
        this.files = files;
    }

    /**
     * Owner type and id come in the query string, so that a request whose body was too large to
     * read still says where to go back to (see {@link UploadLimitFilter}).
     */
    @PostMapping
    String upload(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam String ownerType,
                  @RequestParam String ownerId, @RequestParam(required = false) String fileTypeId,
                  @RequestParam(defaultValue = "false") boolean shared,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        OwnerRef owner = owner(ownerType, ownerId);
        String back = backTo(actor, owner);
        files.requireAttach(actor, owner);
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()))) {
            return fail(redirect, back, "files.error.noFile");
        }
        if (file.isEmpty()) {
            return fail(redirect, back, "files.error.empty");
        }
        FileTypeId type = fileTypeId(fileTypeId);
        try (InputStream content = file.getInputStream()) {
            StoredFile stored = files.store(actor, owner, file.getOriginalFilename(), content, type, shared);
            redirect.addFlashAttribute(SAVED, stored.name());
        } catch (FilesException e) {
            return fail(redirect, back, e.messageKey());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "redirect:" + back;
    }

    /** Where an upload over the size limit is sent (see {@link UploadLimitFilter}): back to the owner, with the message. */
    @GetMapping("/too-large")
    String tooLarge(@AuthenticationPrincipal StaffPrincipal actor, @RequestParam(required = false) String ownerType,
                    @RequestParam(required = false) String ownerId, RedirectAttributes redirect) {
        if (ownerType == null || ownerId == null) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
        }
        return fail(redirect, backTo(actor, owner(ownerType, ownerId)), "files.error.tooLarge");
    }

    @GetMapping("/{id}/download")
    ResponseEntity<Resource> download(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id) {
        FileDownload download = files.open(actor, fileId(id)).orElseThrow(FilesController::notFound);
        StoredFile file = download.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.downloadContentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content()));
    }

    @PostMapping("/{id}/shared")
    String setShared(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id,
                     @RequestParam long version, @RequestParam boolean shared,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                     RedirectAttributes redirect) {
        StoredFile file = files.find(actor, fileId(id)).orElseThrow(FilesController::notFound);
        String back = backTo(actor, file.owner());
        String problem = null;
        StoredFile shown = file;
        try {
            shown = files.setShared(actor, file.id(), version, shared);
        } catch (StaleVersionException e) {
            problem = "files.error.stale";
        } catch (FilesException e) {
            problem = e.messageKey();
        }
        if (htmx != null) {
            // htmx swaps just the switch: answer with it, showing what is stored now.
            model.addAttribute("f", shown);
            model.addAttribute("canAttach", files.canAttach(actor, file.owner()));
            model.addAttribute("fileShareProblem", problem);
            return "files/fragments :: share(f=${f}, canAttach=${canAttach})";
        }
        if (problem != null) {
            return fail(redirect, back, problem);
        }
        redirect.addFlashAttribute(SAVED, shown.name());
        return "redirect:" + back;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal StaffPrincipal actor, @PathVariable String id, RedirectAttributes redirect) {
        StoredFile file = files.find(actor, fileId(id)).orElseThrow(FilesController::notFound);
        String back = backTo(actor, file.owner());
        try {
            files.delete(actor, file.id());
            redirect.addFlashAttribute("filesDeleted", file.name());
        } catch (FilesException e) {
            return fail(redirect, back, e.messageKey());
        }
        return "redirect:" + back;
    }

    static String fail(RedirectAttributes redirect, String back, String messageKey) {
        redirect.addFlashAttribute(ERROR, messageKey);
        return "redirect:" + back;
    }

    /** The owner's page, if the staff user may see the owner and it is a path on this server. */
    String backTo(StaffPrincipal actor, OwnerRef owner) {
        return files.ownerPath(actor, owner).filter(FilesController::isLocalPath).orElseThrow(FilesController::notFound);
    }

    static OwnerRef owner(String type, String id) {
        try {
            return new OwnerRef(type, UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound();
        }
    }

    private static FileTypeId fileTypeId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FileTypeId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            return null; // reported like a missing or unknown type
        }
    }

    private static StoredFileId fileId(String text) {
        try {
            return StoredFileId.parse(text);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7F);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

}
