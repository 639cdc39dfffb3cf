package dev.foyer.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal branding (PRT-7): admins set colours, custom CSS and JavaScript and a logo per portal;
 * every change is checked whole before anything is written, refused on a stale version, and kept in
 * the history. The public reads ({@link #resources}, {@link #logo}) find only active portals by
 * their current slug (ACC-10: an inactive or unknown portal looks the same).
 */
@Service
public class BrandingSettings {

    public static final String RECORD_TYPE = "portal_branding";
    private static final Logger log = LoggerFactory.getLogger(BrandingSettings.class);

    private final BrandingRepository brandings;
    private final PortalRepository portals;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    BrandingSettings(BrandingRepository brandings, PortalRepository portals, RecordHistory history, JdbcClient jdbc,
                     Clock clock) {
        this.brandings = brandings;
        this.portals = portals;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static boolean canEditBranding(StaffPrincipal actor) {
        return PortalAccess.canManagePortals(actor);
    }

    /** Branding is portal settings: admins only (PRODUCT.md §1). */
    public static void requireEditBranding(StaffPrincipal actor) {
        PortalAccess.requireManagePortals(actor);
    }

    /** The portal's branding, or the defaults when it has never been branded. */
    @Transactional(readOnly = true)
    public Branding current(StaffPrincipal actor, PortalId portal) {
        requireEditBranding(actor);
        requirePortal(portal);
        return load(portal);
    }

    @Transactional
    public Branding update(StaffPrincipal actor, PortalId portal, long expectedVersion, BrandingDetails details) {
        requireEditBranding(actor);
        requirePortal(portal);
        Branding.check(details).throwIfAny();
        Branding branding = loadExpecting(portal, expectedVersion);
        Map<String, String> before = snapshot(branding);
        branding.apply(details, actor.id().value(), clock.instant());
        Branding saved = save(branding, before, actor);
        log.info("Staff user {} changed the branding of portal {}", actor.email(), portal);
        return saved;
    }

    /**
     * Replaces the logo with an uploaded PNG, JPEG or WebP of at most 512 KB, its type told from its
     * bytes (an SVG, HTML or anything else is refused whatever its name or declared type). The bytes
     * and the settings row are written in one transaction: the logo is whole or absent.
     */
    @Transactional
    public Branding replaceLogo(StaffPrincipal actor, PortalId portal, long expectedVersion, InputStream upload) {
        requireEditBranding(actor);
        requirePortal(portal);
        byte[] bytes = readAtMost(upload, Branding.MAX_LOGO_BYTES + 1);
        if (bytes.length == 0) {
            throw PortalException.of("logo", "branding.error.logoMissing");
        }
        if (bytes.length > Branding.MAX_LOGO_BYTES) {
            throw PortalException.of("logo", "branding.error.logoTooLarge");
        }
        BrandingLogoFormat format = BrandingLogoFormat.detect(bytes)
                .orElseThrow(() -> PortalException.of("logo", "branding.error.logoType"));
        Branding branding = loadExpecting(portal, expectedVersion);
        Map<String, String> before = snapshot(branding);
        branding.logo(format, bytes.length, sha256(bytes), actor.id().value(), clock.instant());
        Branding saved = save(branding, before, actor);
        jdbc.sql("""
                        insert into portal_branding_logo (portal_id, bytes) values (:portal, :bytes)
                        on conflict (portal_id) do update set bytes = excluded.bytes""")
                .param("portal", portal.value()).param("bytes", bytes).update();
        log.info("Staff user {} replaced the logo of portal {} ({}, {} bytes)", actor.email(), portal,
                format.contentType(), bytes.length);
        return saved;
    }

    @Transactional
    public Branding removeLogo(StaffPrincipal actor, PortalId portal, long expectedVersion) {
        requireEditBranding(actor);
        requirePortal(portal);
        Branding branding = loadExpecting(portal, expectedVersion);
        if (!branding.hasLogo()) {
            return branding;
        }
        Map<String, String> before = snapshot(branding);
        branding.logo(null, 0, null, actor.id().value(), clock.instant());
        Branding saved = save(branding, before, actor);
        jdbc.sql("delete from portal_branding_logo where portal_id = :portal").param("portal", portal.value()).update();
        log.info("Staff user {} removed the logo of portal {}", actor.email(), portal);
        return saved;
    }

    /** The logo for the branding page's preview, whether or not the portal is active. */
    @Transactional(readOnly = true)
    public Optional<BrandingLogo> logoForStaff(StaffPrincipal actor, PortalId portal) {
        requireEditBranding(actor);
        return readLogo(portal);
    }

    /** brand.css and brand.js of an active portal by its current slug; empty for any other slug. */
    @Transactional(readOnly = true)
    public Optional<BrandingResources> resources(String slug) {
        return activePortal(slug).map(portal -> new BrandingResources(portal, load(portal.id())));
    }

    /** The logo of an active portal by its current slug, with the branding's cache token. */
    @Transactional(readOnly = true)
    public Optional<ServedLogo> logo(String slug) {
        return activePortal(slug).flatMap(portal -> {
            Branding branding = load(portal.id());
            return branding.hasLogo() ? readLogo(portal.id()).map(logo -> new ServedLogo(logo, branding.cacheToken()))
                    : Optional.empty();
        });
    }

    /** A logo and the version it belongs to. */
    public record ServedLogo(BrandingLogo logo, String cacheToken) {
    }

    private Optional<Portal> activePortal(String slug) {
        if (slug == null || !Slugs.isValid(slug)) {
            return Optional.empty();
        }
        return portals.findBySlug(slug).filter(Portal::active);
    }

    private Optional<BrandingLogo> readLogo(PortalId portal) {
        return jdbc.sql("""
                        select l.bytes, b.logo_type from portal_branding_logo l
                        join portal_branding b on b.portal_id = l.portal_id
                        where l.portal_id = :portal and b.logo_type is not null""")
                .param("portal", portal.value())
                .query((rs, n) -> new BrandingLogo(rs.getBytes("bytes"), rs.getString("logo_type")))
                .optional();
    }

    private void requirePortal(PortalId portal) {
        if (!portals.existsById(portal)) {
            throw PortalException.of("", "record.error.notFound");
        }
    }

    private Branding load(PortalId portal) {
        return brandings.findById(portal).orElseGet(() -> Branding.defaults(portal));
    }

    private Branding loadExpecting(PortalId portal, long expectedVersion) {
        Branding branding = load(portal);
        if (branding.version() != expectedVersion) {
            throw new StaleVersionException("portal branding " + portal);
        }
        return branding;
    }

    private Branding save(Branding branding, Map<String, String> before, StaffPrincipal actor) {
        boolean created = !branding.stored();
        Branding saved;
        try {
            saved = brandings.save(branding);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("portal branding " + branding.portalId());
        } catch (RuntimeException e) {
            // Another admin branded this portal for the first time a moment ago: the same as a stale version.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw new StaleVersionException("portal branding " + branding.portalId());
                }
            }
            throw e;
        }
        history.record(RECORD_TYPE, saved.portalId().value(), saved.version(),
                created ? ChangeAction.CREATED : ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(before, snapshot(saved)));
        return saved;
    }

    /** What the history shows; custom code by length and digest, so a page of history stays readable. */
    private static Map<String, String> snapshot(Branding branding) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("primaryColour", branding.primaryColour().hex());
        fields.put("accentColour", branding.accentColour().hex());
        fields.put("onPrimaryColour", branding.onPrimaryColour().hex());
        fields.put("customCss", codeSummary(branding.customCss()));
        fields.put("customJs", codeSummary(branding.customJs()));
        fields.put("logo", branding.hasLogo() ? branding.logoType() + ", " + branding.logoSize() + " bytes" : null);
        return fields;
    }

    private static String codeSummary(String code) {
        return code.isEmpty() ? null
                : code.length() + " characters, sha256:" + sha256(code.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
    }

    private static byte[] readAtMost(InputStream upload, int limit) {
        try (InputStream in = upload) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an uploaded logo failed", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
