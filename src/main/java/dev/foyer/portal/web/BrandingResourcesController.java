package dev.foyer.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.foyer.portal.BrandingResources;
import dev.foyer.portal.BrandingSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A portal's branding as separate same-origin resources (PRT-7, ADR 011): brand.css (the colours as
 * custom properties, then the custom CSS), brand.js (the custom JavaScript) and the logo. Never
 * inlined into a page, so the portal's Content-Security-Policy can keep script-src and style-src at
 * 'self'. Public (the sign-in page is branded too) but only for an active portal by its current slug;
 * anything else is 404 like a portal that does not exist (ACC-10). Cached for a year under the
 * current {@code ?v=}; any other or no {@code v} must revalidate.
 */
@Controller
class BrandingResourcesController {

    static final MediaType TEXT_CSS = new MediaType("text", "css", StandardCharsets.UTF_8);
    static final MediaType TEXT_JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    private final BrandingSettings branding;

    BrandingResourcesController(BrandingSettings branding) {
        this.branding = branding;
    }

    @GetMapping("/p/{slug}/brand.css")
    ResponseEntity<byte[]> css(@PathVariable String slug, @RequestParam(name = "v", required = false) String version) {
        return branding.resources(slug)
                .map(resources -> serve(TEXT_CSS, resources.css().getBytes(StandardCharsets.UTF_8),
                        resources.branding().cacheToken(), version))
                .orElseGet(BrandingResourcesController::notFound);
    }

    @GetMapping("/p/{slug}/brand.js")
    ResponseEntity<byte[]> js(@PathVariable String slug, @RequestParam(name = "v", required = false) String version) {
        return branding.resources(slug)
                .filter(resources -> resources.branding().hasCustomJs())
                .map(resources -> serve(TEXT_JAVASCRIPT, resources.branding().customJs().getBytes(StandardCharsets.UTF_8),
                        resources.branding().cacheToken(), version))
                .orElseGet(BrandingResourcesController::notFound);
    }

    @GetMapping("/p/{slug}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String slug, @RequestParam(name = "v", required = false) String version) {
        return branding.logo(slug)
                .map(served -> serve(MediaType.parseMediaType(served.logo().contentType()), served.logo().bytes(),
                        served.cacheToken(), version))
                .orElseGet(BrandingResourcesController::notFound);
    }

    static ResponseEntity<byte[]> serve(MediaType type, byte[] body, String currentToken, String requestedToken) {
        CacheControl cache = currentToken.equals(requestedToken)
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.noCache();
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(cache)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(body);
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
    }
}
