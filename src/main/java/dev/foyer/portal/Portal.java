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
 * A portal (PRT-1): name, URL slug, audience, active switch and seat limit. The first portal is for
 * customers only: its audience never changes and it is never deleted. Changes go through
 * {@link Portals}.
 */
@Table("portal")
public final class Portal {

    public static final int MAX_NAME = 100;
    public static final int MAX_SEATS = 1_000_000;

    @Id
    private final PortalId id;
    private String name;
    private String slug;
    private Audience audience;
    private boolean active;
    private Integer seatLimit;
    @Column("is_primary")
    private final boolean primary;
    @Version
    private Long version;
    private final Instant createdAt;
    private final UUID createdBy;
    private Instant updatedAt;
    private UUID updatedBy;

    @PersistenceCreator
    Portal(PortalId id, String name, String slug, Audience audience, boolean active, Integer seatLimit,
           boolean primary, Long version, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy) {
        this.id = Objects.requireNonNull(id);
        this.name = name;
        this.slug = slug;
        this.audience = audience;
        this.active = active;
        this.seatLimit = seatLimit;
        this.primary = primary;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    static Portal create(PortalDetails details, boolean primary, UUID actor, Instant now) {
        Portal portal = new Portal(PortalId.newId(), null, null, null, false, null, primary, null, now, actor, now,
                actor);
        portal.apply(details, actor, now);
        return portal;
    }

    void apply(PortalDetails details, UUID actor, Instant now) {
        Problems problems = check(details);
        if (primary && details.audience() != Audience.CUSTOMERS) {
            problems.add("audience", "portal.error.primaryAudience");
        }
        problems.throwIfAny();
        this.name = details.name().strip();
        this.slug = details.slug();
        this.audience = details.audience();
        this.active = details.active();
        this.seatLimit = details.seatLimit();
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /** Every problem of the details at once (not counting other portals' slugs or the seats in use). */
    static Problems check(PortalDetails details) {
        Problems problems = new Problems();
        if (details.name() == null || details.name().isBlank() || details.name().strip().length() > MAX_NAME) {
            problems.add("name", "portal.error.name");
        }
        if (!Slugs.isValid(details.slug())) {
            problems.add("slug", "portal.error.slug");
        }
        if (details.audience() == null) {
            problems.add("audience", "portal.error.audience");
        }
        if (details.seatLimit() != null && (details.seatLimit() < 1 || details.seatLimit() > MAX_SEATS)) {
            problems.add("seatLimit", "portal.error.seatLimit");
        }
        return problems;
    }

    public PortalDetails details() {
        return new PortalDetails(name, slug, audience, active, seatLimit);
    }

    public PortalId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public Audience audience() {
        return audience;
    }

    public boolean active() {
        return active;
    }

    /** Null: no limit. */
    public Integer seatLimit() {
        return seatLimit;
    }

    /** The first portal: customers only, never deleted (PRT-1). */
    public boolean primary() {
        return primary;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
