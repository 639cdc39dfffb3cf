package dev.foyer.portal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A portal's branding (PRT-7): primary, accent and text-on-primary colours, admin-authored custom
 * CSS and JavaScript, and the logo's detected type, size and digest (its bytes are stored apart).
 * Changes go through {@link BrandingSettings}; a portal without a row shows {@link #defaults}.
 */
@Table("portal_branding")
public final class Branding {

    /** The most custom CSS or JavaScript a portal keeps, in characters. */
    public static final int MAX_CODE = 65_536;
    /** The largest logo, in bytes. */
    public static final int MAX_LOGO_BYTES = 512 * 1024;

    public static final BrandingColour DEFAULT_PRIMARY = new BrandingColour("#1d4e89");
    public static final BrandingColour DEFAULT_ACCENT = new BrandingColour("#a4161a");
    public static final BrandingColour DEFAULT_ON_PRIMARY = BrandingColour.WHITE;

    @Id
    @Column("portal_id")
    private final PortalId portalId;
    private String primaryColour;
    private String accentColour;
    private String onPrimaryColour;
    private String customCss;
    private String customJs;
    private String logoType;
    private Integer logoSize;
    private String logoSha256;
    @Version
    private Long version;
    private Instant updatedAt;
    private UUID updatedBy;

    @PersistenceCreator
    Branding(PortalId portalId, String primaryColour, String accentColour, String onPrimaryColour, String customCss,
             String customJs, String logoType, Integer logoSize, String logoSha256, Long version, Instant updatedAt,
             UUID updatedBy) {
        this.portalId = Objects.requireNonNull(portalId);
        this.primaryColour = primaryColour;
        this.accentColour = accentColour;
        this.onPrimaryColour = onPrimaryColour;
        this.customCss = customCss;
        this.customJs = customJs;
        this.logoType = logoType;
        this.logoSize = logoSize;
        this.logoSha256 = logoSha256;
        this.version = version;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    /** Foyer's own colours, no custom code, no logo: what a portal shows until an admin brands it. */
    static Branding defaults(PortalId portal) {
        return new Branding(portal, DEFAULT_PRIMARY.hex(), DEFAULT_ACCENT.hex(), DEFAULT_ON_PRIMARY.hex(), "", "",
                null, null, null, null, null, null);
    }

    /** Every problem of the input at once; nothing is applied unless there are none. */
    static Problems check(BrandingDetails details) {
        Problems problems = new Problems();
        if (BrandingColour.parse(details.primaryColour()).isEmpty()) {
            problems.add("primaryColour", "branding.error.colour");
        }
        if (BrandingColour.parse(details.accentColour()).isEmpty()) {
            problems.add("accentColour", "branding.error.colour");
        }
        if (BrandingColour.parse(details.onPrimaryColour()).isEmpty()) {
            problems.add("onPrimaryColour", "branding.error.colour");
        }
        checkCode(problems, "customCss", details.customCss());
        checkCode(problems, "customJs", details.customJs());
        return problems;
    }

    private static void checkCode(Problems problems, String field, String code) {
        if (code == null) {
            return;
        }
        if (code.length() > MAX_CODE) {
            problems.add(field, "branding.error.codeTooLong");
        } else if (code.indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold NUL; say so instead of failing on save.
            problems.add(field, "branding.error.codeNul");
        }
    }

    void apply(BrandingDetails details, UUID actor, Instant now) {
        check(details).throwIfAny();
        this.primaryColour = BrandingColour.parse(details.primaryColour()).orElseThrow().hex();
        this.accentColour = BrandingColour.parse(details.accentColour()).orElseThrow().hex();
        this.onPrimaryColour = BrandingColour.parse(details.onPrimaryColour()).orElseThrow().hex();
        this.customCss = normalise(details.customCss());
        this.customJs = normalise(details.customJs());
        touch(actor, now);
    }

    void logo(BrandingLogoFormat format, int size, String sha256, UUID actor, Instant now) {
        this.logoType = format == null ? null : format.contentType();
        this.logoSize = format == null ? null : size;
        this.logoSha256 = format == null ? null : sha256;
        touch(actor, now);
    }

    private void touch(UUID actor, Instant now) {
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /** Line endings as the browser sends them in a textarea (CRLF) become LF; only blank code becomes empty. */
    private static String normalise(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return code.replace("\r\n", "\n");
    }

    public PortalId portalId() {
        return portalId;
    }

    public BrandingColour primaryColour() {
        return new BrandingColour(primaryColour);
    }

    public BrandingColour accentColour() {
        return new BrandingColour(accentColour);
    }

    public BrandingColour onPrimaryColour() {
        return new BrandingColour(onPrimaryColour);
    }

    public String customCss() {
        return customCss == null ? "" : customCss;
    }

    public String customJs() {
        return customJs == null ? "" : customJs;
    }

    public boolean hasCustomJs() {
        return !customJs().isBlank();
    }

    public boolean hasLogo() {
        return logoType != null;
    }

    /** The detected type of the logo, or null without one. */
    public String logoType() {
        return logoType;
    }

    public Integer logoSize() {
        return logoSize;
    }

    /**
     * The branding's revision: 0 for a portal never branded, then one more after every change. It is
     * the version forms send back (optimistic locking) and the {@code ?v=} that brand.css, brand.js
     * and the logo are cached by; a stored row starts above 0, so the first save never reuses the
     * defaults' URL.
     */
    public long version() {
        return version == null ? 0 : version + 1;
    }

    boolean stored() {
        return version != null;
    }

    public String cacheToken() {
        return String.valueOf(version());
    }

    /** The WCAG checks the branding page shows (PRT-7): text on the primary colour, the accent on white. */
    public boolean onPrimaryMeetsAa() {
        return BrandingContrast.meetsAa(onPrimaryColour(), primaryColour());
    }

    public boolean accentMeetsAa() {
        return BrandingContrast.meetsAa(accentColour(), BrandingColour.WHITE);
    }

    public double onPrimaryContrast() {
        return BrandingContrast.ratio(onPrimaryColour(), primaryColour());
    }

    public double accentContrast() {
        return BrandingContrast.ratio(accentColour(), BrandingColour.WHITE);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
