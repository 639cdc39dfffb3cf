package dev.foyer.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.FieldChange;
import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.ContactId;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal user lifecycle staff drive (LIF-1, LIF-4): give access from the contact card — Save
 * (Awaiting) or Save and send invitation (Pending, through {@link Invitations}) — and the Users
 * tab's bulk actions. A bulk action is all or nothing: every selected user must be of the portal
 * and in a status the action applies to, and activations must fit the seat limit (PRT-1), or
 * nothing changes. Deactivating and removing publish {@link PortalUserAccessChanged} (ACC-9).
 */
@Service
public class PortalUserLifecycle {

    /** A bulk action takes at most this many users (a Users tab page holds fewer). */
    public static final int MAX_BULK = 500;
    private static final Logger log = LoggerFactory.getLogger(PortalUserLifecycle.class);

    private final PortalUsers portalUsers;
    private final PortalUserRepository users;
    private final UserTypeRepository types;
    private final PortalRepository portals;
    private final Invitations invitations;
    private final RecordHistory history;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    PortalUserLifecycle(PortalUsers portalUsers, PortalUserRepository users, UserTypeRepository types,
                        PortalRepository portals, Invitations invitations, RecordHistory history,
                        ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.portalUsers = portalUsers;
        this.users = users;
        this.types = types;
        this.portals = portals;
        this.invitations = invitations;
        this.history = history;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * LIF-1: the contact becomes a user of the user type's portal, Awaiting; with
     * {@code sendInvitation} the invitation goes out in the same transaction (Pending). The portal
     * comes from the user type, so a type of another portal cannot be smuggled in.
     */
    @Transactional
    public PortalUser giveAccess(StaffPrincipal actor, ContactId contact, UserTypeId typeId, PortalUserKind kind,
                                 boolean sendInvitation) {
        PortalAccess.requireGiveAccess(actor);
        UserType type = typeId == null ? null : types.findById(typeId).orElse(null);
        if (type == null) {
            throw PortalException.of("userType", "portal.user.error.userType");
        }
        PortalUser user = portalUsers.create(actor, contact, type.portalId(), type.id(), kind,
                PortalUserStatus.AWAITING);
        if (sendInvitation) {
            invitations.send(actor, user.id());
            return users.findById(user.id()).orElseThrow();
        }
        return user;
    }

    /**
     * LIF-4: applies the action to the selected users of the portal; answers how many changed.
     * {@code targetType} is the new user type for CHANGE_TYPE and ignored otherwise.
     */
    @Transactional
    public int bulk(StaffPrincipal actor, PortalId portalId, UserAction action, List<PortalUserId> selected,
                    UserTypeId targetType) {
        PortalAccess.requireGiveAccess(actor);
        if (action == null) {
            throw PortalException.of("action", "portal.users.error.action");
        }
        List<PortalUserId> ids = new ArrayList<>(new LinkedHashSet<>(selected == null ? List.of() : selected));
        if (ids.isEmpty() || ids.size() > MAX_BULK) {
            throw PortalException.of("users", "portal.users.error.selection");
        }
        // Serializes seat counting with every other change of this portal's users.
        Portal portal = jdbc.sql("select id from portal where id = :id for update").param("id", portalId.value())
                .query(UUID.class).optional().flatMap(id -> portals.findById(new PortalId(id)))
                .orElseThrow(() -> PortalException.of("", "record.error.notFound"));
        List<PortalUser> chosen = new ArrayList<>();
        users.findAllById(ids).forEach(chosen::add);
        // Ids from the browser are not trusted: each must be a user of this portal in a matching status.
        if (chosen.size() != ids.size() || chosen.stream().anyMatch(u -> !u.portalId().equals(portalId))) {
            throw PortalException.of("users", "portal.users.error.selection");
        }
        if (chosen.stream().anyMatch(u -> !action.appliesTo(u.status()))) {
            throw PortalException.of("action", "portal.users.error.status");
        }
        UserType target = null;
        if (action == UserAction.CHANGE_TYPE) {
            target = targetType == null ? null : types.findById(targetType)
                    .filter(t -> t.portalId().equals(portalId)).orElse(null);
            if (target == null) {
                throw PortalException.of("userType", "portal.user.error.userType");
            }
        }
        if (action == UserAction.ACTIVATE && portal.seatLimit() != null
                && portalUsers.seatsInUse(portalId) + chosen.size() > portal.seatLimit()) {
            throw PortalException.of("action", "portal.user.error.seatLimit");
        }
        ChangeAuthor author = ChangeAuthor.of(actor);
        UUID by = actor.id().value();
        Instant now = clock.instant();
        for (PortalUser user : chosen) {
            switch (action) {
                // ACC-9: the single deactivation path, which also ends the user's sessions.
                case DEACTIVATE -> portalUsers.deactivate(actor, user);
                case ACTIVATE -> {
                    changeStatus(user, PortalUserStatus.ACTIVE, by, now, author);
                    events.publishEvent(new PortalUserAccessChanged(user.id(), PortalUserStatus.ACTIVE));
                }
                // Both statuses already hold a seat, so an invitation never takes a new one.
                case SEND_INVITATION, REINVITE -> invitations.send(actor, user.id());
                case CHANGE_TYPE -> {
                    String before = typeName(user.userTypeId());
                    user.changeType(target.id(), by, now);
                    PortalUser saved = save(user);
                    history.record(PortalUsers.RECORD_TYPE, user.id().value(), saved.version(), ChangeAction.UPDATED,
                            author, List.of(new FieldChange("userType", before, target.name())));
                }
                case REMOVE -> remove(user, author);
            }
        }
        log.info("Staff user {} applied {} to {} user(s) of portal {}", actor.email(), action, chosen.size(),
                portalId);
        return chosen.size();
    }

    private void changeStatus(PortalUser user, PortalUserStatus next, UUID by, Instant now, ChangeAuthor author) {
        String before = user.status().name();
        user.changeStatus(next, by, now);
        PortalUser saved = save(user);
        history.record(PortalUsers.RECORD_TYPE, user.id().value(), saved.version(), ChangeAction.UPDATED, author,
                List.of(new FieldChange("status", before, next.name())));
    }

    /** Deletes the portal user with its memberships (cascade); the history keeps that it existed. */
    private void remove(PortalUser user, ChangeAuthor author) {
        int deleted = jdbc.sql("delete from portal_user where id = :id and version = :version")
                .param("id", user.id().value()).param("version", user.version()).update();
        if (deleted == 0) {
            throw new StaleVersionException("portal user " + user.id());
        }
        history.record(PortalUsers.RECORD_TYPE, user.id().value(), user.version() + 1, ChangeAction.DELETED, author,
                List.of(new FieldChange("status", user.status().name(), null)));
        events.publishEvent(new PortalUserAccessChanged(user.id(), null));
    }

    private String typeName(UserTypeId id) {
        return types.findById(id).map(UserType::name).orElse(null);
    }

    private PortalUser save(PortalUser user) {
        try {
            return users.save(user);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("portal user " + user.id());
        }
    }

    Optional<PortalUser> find(PortalUserId id) {
        return users.findById(id);
    }
}
