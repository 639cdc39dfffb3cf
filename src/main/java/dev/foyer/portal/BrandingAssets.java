package dev.foyer.portal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the {@code portal/branding :: head(portal)} and {@code :: logo(portal)} fragments link to
 * (PRT-7): a portal's brand.css, its brand.js when it has custom JavaScript, and its logo when it has
 * one, each with the branding's version as {@code ?v=}. Templates call it as
 * {@code ${@brandingAssets.of(portal)}}; one small read by primary key, never the code or the image.
 */
@Component("brandingAssets")
public class BrandingAssets {

    private final JdbcClient jdbc;

    BrandingAssets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The links of a portal (as found by {@link Portals#findBySlug}). */
    @Transactional(readOnly = true)
    public Links of(Portal portal) {
        UUID id = portal.id().value();
        return jdbc.sql("""
                        select version, logo_type is not null as has_logo, custom_js <> '' as has_js
                        from portal_branding where portal_id = :id""")
                .param("id", id)
                .query((rs, n) -> new Links(portal.slug(), portal.name(), String.valueOf(rs.getLong("version") + 1),
                        rs.getBoolean("has_js"), rs.getBoolean("has_logo")))
                .optional()
                .orElseGet(() -> new Links(portal.slug(), portal.name(), "0", false, false));
    }

    /** Paths without the context path; templates wrap them in {@code @{...}}. */
    public record Links(String slug, String portalName, String version, boolean hasScript, boolean hasLogo) {

        public String cssPath() {
            return "/p/" + slug + "/brand.css";
        }

        public String jsPath() {
            return "/p/" + slug + "/brand.js";
        }

        public String logoPath() {
            return "/p/" + slug + "/logo";
        }
    }
}
