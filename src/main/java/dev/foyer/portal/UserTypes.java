package dev.foyer.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.FieldChange;
import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User types of a portal (PRT-2): created, renamed, their module and field rights edited (PRT-3,
 * PRT-4), and deleted only after their users are moved to another type of the same portal — in
 * the same transaction, so no portal user is ever without a type.
 */
@Service
public class UserTypes {

    public static final String RECORD_TYPE = "portal_user_type";
    /** By default a portal has at most this many user types, so its page lists them all. */
    public static final int MAX_PER_PORTAL = 100;
    private static final Logger log = LoggerFactory.getLogger(UserTypes.class);

    private final UserTypeRepository types;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxPerPortal;

    UserTypes(UserTypeRepository types, RecordHistory history, JdbcClient jdbc, Clock clock,
              @Value("${foyer.portal.max-user-types:" + MAX_PER_PORTAL + "}") int maxPerPortal) {
        this.types = types;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxPerPortal = maxPerPortal;
    }

    /** The portal's user types by name, with their user counts. */
    @Transactional(readOnly = true)
    public List<UserTypeSummary> list(StaffPrincipal actor, PortalId portal) {
        PortalAccess.requireManagePortals(actor);
        return jdbc.sql("""
                        select t.id, t.name, (select count(*) from portal_user u where u.user_type_id = t.id) as users
                        from portal_user_type t where t.portal_id = :portal order by lower(t.name), t.id limit :limit""")
                .param("portal", portal.value()).param("limit", maxPerPortal)
                .query((rs, n) -> new UserTypeSummary(new UserTypeId(rs.getObject("id", UUID.class)),
                        rs.getString("name"), rs.getLong("users")))
                .list();
    }

    /** The portal's user types by name, for choosers of staff who give access (LIF-1, LIF-4). */
    @Transactional(readOnly = true)
    public List<UserTypeSummary> choices(PortalId portal) {
        return jdbc.sql("""
                        select t.id, t.name, 0 as users from portal_user_type t where t.portal_id = :portal
                        order by lower(t.name), t.id limit :limit""")
                .param("portal", portal.value()).param("limit", maxPerPortal)
                .query((rs, n) -> new UserTypeSummary(new UserTypeId(rs.getObject("id", UUID.class)),
                        rs.getString("name"), rs.getLong("users")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<UserType> find(StaffPrincipal actor, UserTypeId id) {
        PortalAccess.requireManagePortals(actor);
        return types.findById(id);
    }

    /** How many portal users have this type. */
    @Transactional(readOnly = true)
    public long users(UserTypeId id) {
        return jdbc.sql("select count(*) from portal_user where user_type_id = :type").param("type", id.value())
                .query(Long.class).single();
    }

    /** A new user type of the portal; it grants nothing until an admin says so (deny by default). */
    @Transactional
    public UserType create(StaffPrincipal actor, PortalId portal, String name) {
        PortalAccess.requireManagePortals(actor);
        lockPortal(portal);
        requireNameFree(portal, name, null);
        long count = jdbc.sql("select count(*) from portal_user_type where portal_id = :portal")
                .param("portal", portal.value()).query(Long.class).single();
        if (count >= maxPerPortal) {
            throw PortalException.of("name", "portal.userType.error.tooMany");
        }
        return create(portal, name, Rights.none(), actor.id().value(), ChangeAuthor.of(actor));
    }

    /** Renames the type and replaces its rights in one edit (the rights screen saves both). */
    @Transactional
    public UserType save(StaffPrincipal actor, UserTypeId id, long expectedVersion, String name, Rights rights) {
        PortalAccess.requireManagePortals(actor);
        UserType type = load(id, expectedVersion);
        requireNameFree(type.portalId(), name, id);
        Map<String, String> before = snapshot(type);
        Instant now = clock.instant();
        type.rename(name, actor.id().value(), now);
        type.changeRights(rights, actor.id().value(), now);
        UserType saved = save(type);
        history.record(RECORD_TYPE, id.value(), saved.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(before, snapshot(saved)));
        log.info("Staff user {} saved user type {} and its rights", actor.email(), id);
        return saved;
    }

    /**
     * Deletes the type after moving its users to {@code transferTo}, another type of the same
     * portal (PRT-2). Needs no target when nobody has the type; a portal keeps at least one type.
     * Returns how many users were moved.
     */
    @Transactional
    public int delete(StaffPrincipal actor, UserTypeId id, long expectedVersion, UserTypeId transferTo) {
        PortalAccess.requireManagePortals(actor);
        UserType type = load(id, expectedVersion);
        lockPortal(type.portalId());
        long siblings = jdbc.sql("select count(*) from portal_user_type where portal_id = :portal and id <> :id")
                .param("portal", type.portalId().value()).param("id", id.value()).query(Long.class).single();
        if (siblings == 0) {
            throw PortalException.of("", "portal.userType.error.last");
        }
        long users = users(id);
        UserType target = null;
        if (transferTo != null) {
            target = types.findById(transferTo).filter(t -> t.portalId().equals(type.portalId()) && !t.id().equals(id))
                    .orElseThrow(() -> PortalException.of("transferTo", "portal.userType.error.transferTarget"));
        } else if (users > 0) {
            throw PortalException.of("transferTo", "portal.userType.error.transferRequired");
        }
        ChangeAuthor author = ChangeAuthor.of(actor);
        int moved = 0;
        if (target != null && users > 0) {
            Instant now = clock.instant();
            int batch;
            do {
                // In batches, so a type with many users never needs one huge statement.
                List<Map.Entry<UUID, Long>> transferred = jdbc.sql("""
                                update portal_user set user_type_id = :target, version = version + 1, updated_at = :now,
                                       updated_by = :actor
                                where id in (select id from portal_user where user_type_id = :type limit 500)
                                returning id, version""")
                        .param("target", target.id().value()).param("now", Timestamp.from(now))
                        .param("actor", actor.id().value()).param("type", id.value())
                        .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("version"))).list();
                for (Map.Entry<UUID, Long> user : transferred) {
                    history.record(PortalUsers.RECORD_TYPE, user.getKey(), user.getValue(), ChangeAction.UPDATED,
                            author, List.of(new FieldChange("userType", type.name(), target.name())));
                }
                batch = transferred.size();
                moved += batch;
            } while (batch == 500);
        }
        int deleted = jdbc.sql("delete from portal_user_type where id = :id and version = :version")
                .param("id", id.value()).param("version", type.version()).update();
        if (deleted == 0) {
            throw new StaleVersionException("user type " + id);
        }
        history.record(RECORD_TYPE, id.value(), type.version(), ChangeAction.DELETED, author,
                target == null ? List.of() : List.of(new FieldChange("transferredTo", null,
                        target.name() + " (" + moved + ")")));
        log.info("Staff user {} deleted user type {} and moved {} user(s) to {}", actor.email(), id, moved,
                target == null ? "none" : target.id());
        return moved;
    }

    /** The two user types every portal starts with (PRT-2). */
    void createDefaults(PortalId portal, UUID actor, ChangeAuthor author) {
        create(portal, PortalDefaults.FULL_ACCESS, PortalDefaults.fullAccess(), actor, author);
        create(portal, PortalDefaults.LIMITED_ACCESS, PortalDefaults.limitedAccess(), actor, author);
    }

    private UserType create(PortalId portal, String name, Rights rights, UUID actor, ChangeAuthor author) {
        UserType saved = save(UserType.create(portal, name, rights, actor, clock.instant()));
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.CREATED, author,
                RecordHistory.diff(Map.of(), snapshot(saved)));
        return saved;
    }

    /** Serializes changes to one portal's set of types (counts, the last type, transfers). */
    private void lockPortal(PortalId portal) {
        jdbc.sql("select id from portal where id = :id for update").param("id", portal.value()).query(UUID.class)
                .optional().orElseThrow(() -> PortalException.of("", "record.error.notFound"));
    }

    private void requireNameFree(PortalId portal, String name, UserTypeId except) {
        if (!UserType.isValidName(name)) {
            throw PortalException.of("name", "portal.userType.error.name");
        }
        types.findByName(portal, name.strip()).filter(other -> !other.id().equals(except)).ifPresent(other -> {
            throw PortalException.of("name", "portal.userType.error.nameTaken");
        });
    }

    private UserType load(UserTypeId id, long expectedVersion) {
        UserType type = types.findById(id).orElseThrow(() -> PortalException.of("", "record.error.notFound"));
        if (type.version() != expectedVersion) {
            throw new StaleVersionException("user type " + id);
        }
        return type;
    }

    private UserType save(UserType type) {
        try {
            return types.save(type);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("user type " + type.id());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw PortalException.of("name", "portal.userType.error.nameTaken");
                }
            }
            throw e;
        }
    }

    private static Map<String, String> snapshot(UserType type) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", type.name());
        fields.putAll(type.rights().snapshot());
        return fields;
    }
}
