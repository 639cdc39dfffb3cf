package dev.foyer.site.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.PortalInteractions;
import dev.foyer.portal.RecordRef;
import dev.foyer.site.PortalSite;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EXP-2, EXP-3: a portal user uploads a file to a visible project or ticket, and deletes their own,
 * where the user type allows (PRT-3). {@link PortalInteractions} authorizes; the files module stores
 * it whole or not at all (ADR 003). Refused: the 404 page (ACC-10) or the message next to the field.
 */
@Controller
class PortalUploadsController {

    private final PortalSite site;
    private final PortalInteractions writes;

    PortalUploadsController(PortalSite site, PortalInteractions writes) {
        this.site = site;
        this.writes = writes;
    }

    @PostMapping("/p/{slug}/{containers:projects|tickets}/{id}/files")
    String upload(@PathVariable String slug, @PathVariable String containers, @PathVariable String id,
                  @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String fileType,
                  @AuthenticationPrincipal PortalPrincipal user, RedirectAttributes flash) {
        site.requirePortal(slug, user);
        RecordRef owner = PortalCommentsController.container(containers, id);
        UUID type = fileType == null || fileType.isBlank() ? null : SitePages.id(fileType);
        return SiteWrites.redirect(flash, SiteWrites.pageOf(slug, owner) + "#files", "upload", "",
                "site.interact.uploaded", () -> {
                    if (file == null || file.isEmpty()) {
                        // An empty file and no file at all read the same to the user.
                        writes.upload(user.id(), owner, "", InputStream.nullInputStream(), type);
                        return;
                    }
                    try (InputStream content = file.getInputStream()) {
                        writes.upload(user.id(), owner, file.getOriginalFilename(), content, type);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * Where {@link PortalUploadLimitFilter} sends an upload over the size limit (ADR 003): back to the
     * record's page with the message next to the upload field. Nothing was read or stored; the page
     * itself answers 404 for what the user may not see (ACC-10).
     */
    @GetMapping("/p/{slug}/{containers:projects|tickets}/{id}/files/too-large")
    String tooLarge(@PathVariable String slug, @PathVariable String containers, @PathVariable String id,
                    @AuthenticationPrincipal PortalPrincipal user, RedirectAttributes flash) {
        site.requirePortal(slug, user);
        RecordRef owner = PortalCommentsController.container(containers, id);
        flash.addFlashAttribute(SiteWrites.PROBLEMS, Map.of("file", "site.interact.error.tooLarge"));
        flash.addFlashAttribute(SiteWrites.FORM, "upload");
        flash.addFlashAttribute(SiteWrites.TEXT, "");
        return "redirect:" + SiteWrites.pageOf(slug, owner) + "#files";
    }

    @PostMapping("/p/{slug}/{containers:projects|tickets}/{id}/files/{fileId}/delete")
    String delete(@PathVariable String slug, @PathVariable String containers, @PathVariable String id,
                  @PathVariable String fileId, @AuthenticationPrincipal PortalPrincipal user,
                  RedirectAttributes flash) {
        site.requirePortal(slug, user);
        RecordRef owner = PortalCommentsController.container(containers, id);
        return SiteWrites.redirect(flash, SiteWrites.pageOf(slug, owner) + "#files", "files", "",
                "site.interact.fileDeleted", () -> writes.deleteFile(user.id(), SitePages.id(fileId), owner));
    }
}
