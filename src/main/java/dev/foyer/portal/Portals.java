package dev.foyer.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portals (PRT-1): admins list, create, edit and delete them; every new portal comes with the two
 * default user types (PRT-2). {@link #findBySlug} is how portal sign-in will find a portal: only
 * the current slug of an active or inactive portal resolves, an old one does not.
 */
@Service
public class Portals {

    public static final String RECORD_TYPE = "portal";
    static final String CUSTOMER_PORTAL = "Customer portal";
    private static final Logger log = LoggerFactory.getLogger(Portals.class);

    private final PortalRepository portals;
    private final UserTypes userTypes;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    Portals(PortalRepository portals, UserTypes userTypes, RecordHistory history, JdbcClient jdbc, Clock clock) {
        this.portals = portals;
        this.userTypes = userTypes;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page of portals, the first (customer) portal first, then by name. */
    @Transactional(readOnly = true)
    public Page<PortalSummary> list(StaffPrincipal actor, Pageable pageable) {
        PortalAccess.requireManagePortals(actor);
        long total = jdbc.sql("select count(*) from portal").query(Long.class).single();
        List<PortalSummary> rows = jdbc.sql("""
                        select p.id, p.name, p.slug, p.audience, p.active, p.seat_limit, p.is_primary,
                               (select count(*) from portal_user u where u.portal_id = p.id and u.status <> 'INACTIVE') as seats,
                               (select count(*) from portal_user_type t where t.portal_id = p.id) as types
                        from portal p order by p.is_primary desc, lower(p.name), p.id limit :limit offset :offset""")
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new PortalSummary(new PortalId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("slug"), Audience.valueOf(rs.getString("audience")), rs.getBoolean("active"),
                        (Integer) rs.getObject("seat_limit"), rs.getLong("seats"), rs.getLong("types"),
                        rs.getBoolean("is_primary")))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<Portal> find(StaffPrincipal actor, PortalId id) {
        PortalAccess.requireManagePortals(actor);
        return portals.findById(id);
    }

    /** The portal for staff who give access (admins and managers: Users tab, LIF-4). */
    @Transactional(readOnly = true)
    public Optional<Portal> findForAccess(PortalId id) {
        return portals.findById(id);
    }

    /** The portal whose current slug this is; an old slug finds nothing (PRT-1: old links stop working). */
    @Transactional(readOnly = true)
    public Optional<Portal> findBySlug(String slug) {
        return slug == null ? Optional.empty() : portals.findBySlug(slug.strip());
    }

    /** Portal users holding a seat: every status but inactive (PRT-1). */
    @Transactional(readOnly = true)
    public long seatsInUse(PortalId portal) {
        return jdbc.sql("select count(*) from portal_user where portal_id = :portal and status <> 'INACTIVE'")
                .param("portal", portal.value()).query(Long.class).single();
    }

    /** Creates a portal with the two default user types; a blank slug is derived from the name. */
    @Transactional
    public Portal create(StaffPrincipal actor, PortalDetails input) {
        PortalAccess.requireManagePortals(actor);
        return create(input, false, actor.id().value(), ChangeAuthor.of(actor));
    }

    @Transactional
    public Portal update(StaffPrincipal actor, PortalId id, long expectedVersion, PortalDetails input) {
        PortalAccess.requireManagePortals(actor);
        Portal portal = load(id, expectedVersion);
        PortalDetails details = input.withSlug(Problems.clean(input.slug()));
        Problems problems = Portal.check(details);
        if (portal.primary() && details.audience() != null && details.audience() != Audience.CUSTOMERS) {
            problems.add("audience", "portal.error.primaryAudience");
        }
        if (!problems.has("slug") && portals.findBySlug(details.slug()).filter(p -> !p.id().equals(id)).isPresent()) {
            problems.add("slug", "portal.error.slugTaken");
        }
        if (!problems.has("seatLimit") && details.seatLimit() != null && details.seatLimit() < seatsInUse(id)) {
            problems.add("seatLimit", "portal.error.seatLimitBelowUse");
        }
        problems.throwIfAny();
        Map<String, String> before = snapshot(portal);
        portal.apply(details, actor.id().value(), clock.instant());
        Portal saved = save(portal);
        history.record(RECORD_TYPE, id.value(), saved.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(before, snapshot(saved)));
        log.info("Staff user {} edited portal {} (slug {})", actor.email(), id, saved.slug());
        return saved;
    }

    /**
     * Deletes a portal without users, with its user types and their rights. The first portal is
     * never deleted (PRT-1); a portal with users keeps them until they are removed.
     */
    @Transactional
    public void delete(StaffPrincipal actor, PortalId id, long expectedVersion) {
        PortalAccess.requireManagePortals(actor);
        Portal portal = load(id, expectedVersion);
        if (portal.primary()) {
            throw PortalException.of("", "portal.error.primaryDelete");
        }
        long users = jdbc.sql("select count(*) from portal_user where portal_id = :id").param("id", id.value())
                .query(Long.class).single();
        if (users > 0) {
            throw PortalException.of("", "portal.error.hasUsers");
        }
        int deleted = jdbc.sql("delete from portal where id = :id and version = :version")
                .param("id", id.value()).param("version", portal.version()).update();
        if (deleted == 0) {
            throw new StaleVersionException("portal " + id);
        }
        history.record(RECORD_TYPE, id.value(), portal.version(), ChangeAction.DELETED, ChangeAuthor.of(actor),
                List.of());
        log.info("Staff user {} deleted portal {} ({})", actor.email(), id, portal.slug());
    }

    /**
     * Creates the first portal — "Customer portal", for customers only — unless it exists (PRT-1).
     * Safe on several nodes at once: the unique index on the first portal lets only one win.
     */
    @Transactional
    public Optional<Portal> ensureCustomerPortal() {
        if (portals.findPrimary().isPresent()) {
            return Optional.empty();
        }
        Portal portal = create(new PortalDetails(CUSTOMER_PORTAL, null, Audience.CUSTOMERS, true, null), true, null,
                new ChangeAuthor(null, "Foyer", null));
        log.info("Created the first portal: {} ({})", portal.name(), portal.slug());
        return Optional.of(portal);
    }

    private Portal create(PortalDetails input, boolean primary, UUID actor, ChangeAuthor author) {
        String slug = Problems.clean(input.slug());
        boolean derived = slug == null;
        PortalDetails details = input.withSlug(derived ? freeSlug(Slugs.fromName(input.name())) : slug);
        Problems problems = Portal.check(details);
        if (!derived && !problems.has("slug") && portals.findBySlug(slug).isPresent()) {
            problems.add("slug", "portal.error.slugTaken");
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        Portal saved = save(Portal.create(details, primary, actor, now));
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.CREATED, author,
                RecordHistory.diff(Map.of(), snapshot(saved)));
        userTypes.createDefaults(saved.id(), actor, author);
        return saved;
    }

    private String freeSlug(String wanted) {
        String slug = wanted;
        for (int n = 2; portals.findBySlug(slug).isPresent(); n++) {
            slug = Slugs.numbered(wanted, n);
        }
        return slug;
    }

    private Portal load(PortalId id, long expectedVersion) {
        Portal portal = portals.findById(id).orElseThrow(() -> PortalException.of("", "record.error.notFound"));
        if (portal.version() != expectedVersion) {
            throw new StaleVersionException("portal " + id);
        }
        return portal;
    }

    private Portal save(Portal portal) {
        try {
            return portals.save(portal);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("portal " + portal.id());
        } catch (RuntimeException e) {
            // The unique index refuses a slug another admin saved a moment ago.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException && String.valueOf(cause.getMessage()).contains("slug")) {
                    throw PortalException.of("slug", "portal.error.slugTaken");
                }
            }
            throw e;
        }
    }

    private static Map<String, String> snapshot(Portal portal) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", portal.name());
        fields.put("slug", portal.slug());
        fields.put("audience", portal.audience().name());
        fields.put("active", String.valueOf(portal.active()));
        fields.put("seatLimit", portal.seatLimit() == null ? null : String.valueOf(portal.seatLimit()));
        return fields;
    }
}
