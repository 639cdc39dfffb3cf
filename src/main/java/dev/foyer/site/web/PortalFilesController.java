package dev.foyer.site.web;

import java.nio.charset.StandardCharsets;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.PortalDownload;
import dev.foyer.portal.PortalDownloads;
import dev.foyer.site.PortalPageNotFound;
import dev.foyer.site.PortalSite;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * File downloads for portal users (ACC-7): {@link PortalDownloads} asks the visibility component
 * first; what it refuses answers the same 404 as an unknown id (ACC-10). The bytes go out as staff
 * downloads do: always an attachment, the safe content type, nosniff and a sandbox CSP, never cached.
 */
@Controller
class PortalFilesController {

    private final PortalSite site;
    private final PortalDownloads downloads;

    PortalFilesController(PortalSite site, PortalDownloads downloads) {
        this.site = site;
        this.downloads = downloads;
    }

    @GetMapping("/p/{slug}/files/{id}")
    ResponseEntity<Resource> download(@PathVariable String slug, @PathVariable String id,
                                      @AuthenticationPrincipal PortalPrincipal user) {
        site.requirePortal(slug, user);
        PortalDownload download = downloads.open(user.id(), SitePages.id(id)).orElseThrow(PortalPageNotFound::new);
        String name = download.file().name() == null ? "file" : download.file().name();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.content().contentType()))
                .contentLength(download.content().size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content().bytes()));
    }
}
