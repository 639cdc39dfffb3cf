package dev.foyer.portal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactId;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal users as data (issue 5 item 5): one per contact per portal, with a user type of that
 * portal, a kind and a status. Giving access from the contact card and the Users tab, with
 * invitations, comes with issue 6; until then this is the staff way to create one.
 */
@Service
public class PortalUsers {

    public static final String RECORD_TYPE = "portal_user";
    private static final Logger log = LoggerFactory.getLogger(PortalUsers.class);

    private final PortalUserRepository users;
    private final PortalRepository portals;
    private final UserTypeRepository types;
    private final Contacts contacts;
    private final Companies companies;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PortalUsers(PortalUserRepository users, PortalRepository portals, UserTypeRepository types, Contacts contacts,
                Companies companies, RecordHistory history, JdbcClient jdbc, Clock clock,
                ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.portals = portals;
        this.types = types;
        this.contacts = contacts;
        this.companies = companies;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page of the portal's users by name. */
    @Transactional(readOnly = true)
    public Page<PortalUserSummary> page(StaffPrincipal actor, PortalId portal, Pageable pageable) {
        return page(actor, portal, null, null, pageable);
    }

    /**
     * LIF-4: a page of the portal's users by name, optionally of one status and matching a name
     * (index portal_user_portal_idx serves portal and status).
     */
    @Transactional(readOnly = true)
    public Page<PortalUserSummary> page(StaffPrincipal actor, PortalId portal, PortalUserStatus status, String name,
                                        Pageable pageable) {
        PortalAccess.requireGiveAccess(actor);
        StringBuilder where = new StringBuilder(" where u.portal_id = :portal");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("portal", portal.value());
        if (status != null) {
            where.append(" and u.status = :status");
            params.put("status", status.name());
        }
        String text = Problems.clean(name);
        if (text != null) {
            where.append(" and lower(c.first_name || ' ' || c.last_name) like :name escape '\\'");
            params.put("name", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String from = " from portal_user u join contact c on c.id = u.contact_id join company co on co.id = c.company_id"
                + " join portal_user_type t on t.id = u.user_type_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        List<PortalUserSummary> rows = jdbc.sql("""
                        select u.id, u.contact_id, c.first_name, c.last_name, c.email, co.name as company_name,
                               t.name as type_name, u.kind, u.status""" + from + where
                        + " order by lower(c.last_name), lower(c.first_name), u.id limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new PortalUserSummary(new PortalUserId(rs.getObject("id", UUID.class)),
                        new ContactId(rs.getObject("contact_id", UUID.class)),
                        rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("email"),
                        rs.getString("company_name"), rs.getString("type_name"),
                        PortalUserKind.valueOf(rs.getString("kind")), PortalUserStatus.valueOf(rs.getString("status"))))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** These users of the portal (ids from a form; others are left out), e.g. to confirm a removal. */
    @Transactional(readOnly = true)
    public List<PortalUserSummary> selected(StaffPrincipal actor, PortalId portal, java.util.Collection<PortalUserId> ids) {
        PortalAccess.requireGiveAccess(actor);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select u.id, u.contact_id, c.first_name, c.last_name, c.email, co.name as company_name,
                               t.name as type_name, u.kind, u.status
                        from portal_user u join contact c on c.id = u.contact_id join company co on co.id = c.company_id
                             join portal_user_type t on t.id = u.user_type_id
                        where u.portal_id = :portal and u.id in (:ids)
                        order by lower(c.last_name), lower(c.first_name), u.id""")
                .param("portal", portal.value()).param("ids", ids.stream().map(PortalUserId::value).toList())
                .query((rs, n) -> new PortalUserSummary(new PortalUserId(rs.getObject("id", UUID.class)),
                        new ContactId(rs.getObject("contact_id", UUID.class)),
                        rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("email"),
                        rs.getString("company_name"), rs.getString("type_name"),
                        PortalUserKind.valueOf(rs.getString("kind")), PortalUserStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /** The portal users of these contacts with their portal's name, in one query (a list's page). */
    @Transactional(readOnly = true)
    public List<ContactPortalUser> ofContacts(java.util.Collection<ContactId> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select u.id, u.contact_id, p.id as portal_id, p.name as portal_name, t.name as type_name,
                               u.kind, u.status
                        from portal_user u join portal p on p.id = u.portal_id join portal_user_type t on t.id = u.user_type_id
                        where u.contact_id in (:contacts)
                        order by p.is_primary desc, lower(p.name), u.id limit :limit""")
                .param("contacts", contacts.stream().map(ContactId::value).toList())
                .param("limit", contacts.size() * 100)
                .query((rs, n) -> new ContactPortalUser(new PortalUserId(rs.getObject("id", UUID.class)),
                        new ContactId(rs.getObject("contact_id", UUID.class)),
                        new PortalId(rs.getObject("portal_id", UUID.class)), rs.getString("portal_name"),
                        rs.getString("type_name"), PortalUserKind.valueOf(rs.getString("kind")),
                        PortalUserStatus.valueOf(rs.getString("status"))))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<PortalUser> find(StaffPrincipal actor, PortalUserId id) {
        PortalAccess.requireGiveAccess(actor);
        return users.findById(id);
    }

    /**
     * Makes the contact a user of the portal. Refused, changing nothing: a contact that does not
     * exist or is in the recycle bin, a user type of another portal, a consolidated user whose
     * company is in no consolidated account, a contact already in this portal, and a new seat when
     * the portal's seats are all taken (PRT-1).
     */
    @Transactional
    public PortalUser create(StaffPrincipal actor, ContactId contactId, PortalId portalId, UserTypeId typeId,
                             PortalUserKind kind, PortalUserStatus status) {
        PortalAccess.requireGiveAccess(actor);
        Problems problems = new Problems();
        // Locks the portal row, so two staff users never both take its last seat.
        Optional<Portal> portal = jdbc.sql("select id from portal where id = :id for update")
                .param("id", portalId.value()).query(UUID.class).optional()
                .flatMap(id -> portals.findById(new PortalId(id)));
        if (portal.isEmpty()) {
            problems.add("portal", "portal.user.error.portal");
        }
        Optional<Contact> contact = contacts.find(actor, contactId).filter(c -> !c.inRecycleBin());
        if (contact.isEmpty()) {
            problems.add("contact", "portal.user.error.contact");
        }
        if (typeId == null || types.findById(typeId).filter(t -> t.portalId().equals(portalId)).isEmpty()) {
            problems.add("userType", "portal.user.error.userType");
        }
        if (kind == null) {
            problems.add("kind", "portal.user.error.kind");
        }
        if (status == null) {
            problems.add("status", "portal.user.error.status");
        }
        if (kind == PortalUserKind.CONSOLIDATED && contact.isPresent()) {
            Optional<Company> company = companies.find(actor, contact.get().companyId());
            if (company.isEmpty() || company.get().consolidatedAccountId() == null) {
                problems.add("kind", "portal.user.error.noConsolidatedAccount");
            }
        }
        if (portal.isPresent() && contact.isPresent() && exists(contactId, portalId)) {
            problems.add("contact", "portal.user.error.exists");
        }
        if (portal.isPresent() && status != null && status.holdsSeat() && portal.get().seatLimit() != null
                && seatsInUse(portalId) >= portal.get().seatLimit()) {
            problems.add("status", "portal.user.error.seatLimit");
        }
        problems.throwIfAny();
        PortalUser user;
        try {
            user = users.save(PortalUser.create(contactId, portalId, typeId, kind, status, actor.id().value(),
                    clock.instant()));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw PortalException.of("contact", "portal.user.error.exists");
                }
            }
            throw e;
        }
        history.record(RECORD_TYPE, user.id().value(), user.version(), ChangeAction.CREATED, ChangeAuthor.of(actor),
                RecordHistory.diff(Map.of(), snapshot(user)));
        log.info("Staff user {} made contact {} a {} user of portal {} ({})", actor.email(), contactId, kind, portalId,
                status);
        return user;
    }

    /**
     * Deactivates the user (LIF-1): they no longer sign in and their open sessions end at once
     * (ACC-9, through {@link PortalUserAccessChanged}). The Users tab's bulk deactivate goes through
     * {@link #deactivate(StaffPrincipal, PortalUser)} too, so sessions end on this one path.
     */
    @Transactional
    public PortalUser deactivate(StaffPrincipal actor, PortalUserId id) {
        PortalAccess.requireGiveAccess(actor);
        PortalUser user = users.findById(id).orElseThrow(() -> PortalException.of("", "invitation.error.userNotFound"));
        return deactivate(actor, user);
    }

    /** ACC-9: the one place a user becomes Inactive; the caller has checked the actor and loaded the user. */
    PortalUser deactivate(StaffPrincipal actor, PortalUser user) {
        PortalAccess.requireGiveAccess(actor);
        if (user.status() == PortalUserStatus.INACTIVE) {
            return user;
        }
        String before = user.status().name();
        user.changeStatus(PortalUserStatus.INACTIVE, actor.id().value(), clock.instant());
        PortalUser saved;
        try {
            saved = users.save(user);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("portal user " + user.id());
        }
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(Map.of("status", before), Map.of("status", PortalUserStatus.INACTIVE.name())));
        events.publishEvent(new PortalUserAccessChanged(saved.id(), PortalUserStatus.INACTIVE));
        log.info("Staff user {} deactivated portal user {}", actor.email(), saved.id());
        return saved;
    }

    private boolean exists(ContactId contact, PortalId portal) {
        return jdbc.sql("select count(*) from portal_user where contact_id = :contact and portal_id = :portal")
                .param("contact", contact.value()).param("portal", portal.value()).query(Long.class).single() > 0;
    }

    long seatsInUse(PortalId portal) {
        return jdbc.sql("select count(*) from portal_user where portal_id = :portal and status <> 'INACTIVE'")
                .param("portal", portal.value()).query(Long.class).single();
    }

    private static Map<String, String> snapshot(PortalUser user) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("contact", user.contactId().toString());
        fields.put("portal", user.portalId().toString());
        fields.put("userType", user.userTypeId().toString());
        fields.put("kind", user.kind().name());
        fields.put("status", user.status().name());
        return fields;
    }
}
