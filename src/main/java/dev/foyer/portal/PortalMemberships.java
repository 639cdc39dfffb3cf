package dev.foyer.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.FieldChange;
import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactId;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.EmailAddress;
import dev.foyer.mail.MailTemplates;
import dev.foyer.mail.Outbox;
import dev.foyer.mail.OutgoingMail;
import dev.foyer.mail.RenderedMail;
import dev.foyer.organization.Organization;
import dev.foyer.organization.Organizations;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import dev.foyer.identity.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal users as members of projects and tickets (ACC-3). Only a portal user whose scope takes in
 * the record's company — its contact's company, or for a consolidated user any company of that
 * company's consolidated account — can be added; anyone else is refused with a message and nothing
 * changes. The chooser offers only such users, but the rule is enforced here.
 */
@Service
public class PortalMemberships {

    public static final String MEMBERSHIP_TEMPLATE = "portal-membership";
    public static final String MEMBERSHIP_PURPOSE = "portal-membership";

    /** The chooser offers at most this many eligible portal users (a company has few). */
    public static final int MAX_CHOICES = 100;
    private static final Logger log = LoggerFactory.getLogger(PortalMemberships.class);

    /**
     * A portal user whose contact is not in the recycle bin and whose scope includes the company
     * :company (with consolidated account :account, possibly null) — ACC-1 and ACC-3 in SQL, the
     * same rule as {@link PortalUser#scopeIncludes}.
     */
    private static final String IN_SCOPE = """
            (c.deleted_at is null and (c.company_id = :company
                or (u.kind = 'CONSOLIDATED' and cast(:account as uuid) is not null
                    and cc.consolidated_account_id = cast(:account as uuid))))""";
    private static final String MEMBER_COLUMNS = """
            select u.id, c.first_name, c.last_name, cc.name as company_name, p.name as portal_name,
                   t.name as type_name, u.kind, u.status, %s as in_scope
            from portal_user u join contact c on c.id = u.contact_id join company cc on cc.id = c.company_id
                 join portal p on p.id = u.portal_id join portal_user_type t on t.id = u.user_type_id""";

    private final Map<MembershipKind, MembershipRecords> records = new EnumMap<>(MembershipKind.class);
    private final PortalUserRepository users;
    private final Contacts contacts;
    private final Companies companies;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final PortalUsers portalUsers;
    private final PortalRepository portals;
    private final UserTypeRepository types;
    private final Invitations invitations;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final Organizations organizations;
    private final MailLanguages languages;
    private final String publicBaseUrl;
    private final PortalReads reads;

    PortalMemberships(List<MembershipRecords> records, PortalUserRepository users, Contacts contacts,
                      Companies companies, RecordHistory history, JdbcClient jdbc, Clock clock, PortalUsers portalUsers,
                      PortalRepository portals, UserTypeRepository types, Invitations invitations, Outbox outbox,
                      MailTemplates templates, Organizations organizations, MailLanguages languages,
                      PortalReads reads, @Value("${foyer.public-base-url}") String publicBaseUrl) {
        this.reads = reads;
        this.portalUsers = portalUsers;
        this.portals = portals;
        this.types = types;
        this.invitations = invitations;
        this.outbox = outbox;
        this.templates = templates;
        this.organizations = organizations;
        this.languages = languages;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        records.forEach(r -> this.records.put(r.kind(), r));
        this.users = users;
        this.contacts = contacts;
        this.companies = companies;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The members section of a record's page: a page of members and, for its editors, whom they may add. */
    @Transactional(readOnly = true)
    public PortalMembersPanel panel(StaffPrincipal actor, MembershipKind kind, UUID recordId, Pageable pageable) {
        MembershipRecord record = record(actor, kind, recordId);
        Company company = companies.find(actor, record.companyId()).orElse(null);
        Map<String, Object> scope = scope(record, company);
        String where = " where exists (select 1 from " + kind.table() + " m where m.portal_user_id = u.id and m."
                + kind.column() + " = :record)";
        long total = jdbc.sql("select count(*) from " + kind.table() + " where " + kind.column() + " = :record")
                .param("record", recordId).query(Long.class).single();
        List<PortalMember> members = jdbc.sql(MEMBER_COLUMNS.formatted(IN_SCOPE) + where
                        + " order by lower(c.last_name), lower(c.first_name), u.id limit :limit offset :offset")
                .params(scope).param("record", recordId).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> member(rs)).list();
        List<PortalMember> choices = List.of();
        if (record.canChangeMembers() && company != null) {
            choices = jdbc.sql(MEMBER_COLUMNS.formatted("true") + " where " + IN_SCOPE
                            + " and not exists (select 1 from " + kind.table() + " m where m.portal_user_id = u.id and m."
                            + kind.column() + " = :record)"
                            + " order by lower(c.last_name), lower(c.first_name), u.id limit :limit")
                    .params(scope).param("record", recordId).param("limit", MAX_CHOICES)
                    .query((rs, n) -> member(rs)).list();
        }
        List<PortalMembersPanel.InviteChoice> invite = List.of();
        if (record.canChangeMembers() && PortalAccess.canGiveAccess(actor)) {
            // LIF-5: contacts of the record's company without access to the customer portal yet.
            invite = jdbc.sql("""
                            select c.id, c.first_name, c.last_name from contact c
                            where c.company_id = :company and c.deleted_at is null and not exists (
                                select 1 from portal_user u join portal p on p.id = u.portal_id
                                where u.contact_id = c.id and p.is_primary)
                            order by lower(c.last_name), lower(c.first_name), c.id limit :limit""")
                    .param("company", record.companyId().value()).param("limit", MAX_CHOICES)
                    .query((rs, n) -> new PortalMembersPanel.InviteChoice(new ContactId(rs.getObject("id", UUID.class)),
                            rs.getString("first_name") + " " + rs.getString("last_name")))
                    .list();
        }
        return new PortalMembersPanel(kind, recordId, record.path(), new PageImpl<>(members, pageable, total), choices,
                invite, record.canChangeMembers());
    }

    /**
     * Adds the portal user as a member (ACC-3). Refused with portal.member.error.outOfScope, and
     * nothing changes, when the user's scope does not take in the record's company.
     */
    @Transactional
    public void add(StaffPrincipal actor, MembershipKind kind, UUID recordId, PortalUserId portalUserId) {
        MembershipRecord record = record(actor, kind, recordId);
        requireChange(record);
        PortalUser user = (portalUserId == null ? null : users.findById(portalUserId).orElse(null));
        Contact contact = user == null ? null : contacts.find(actor, user.contactId()).orElse(null);
        if (user == null || contact == null) {
            throw PortalException.of("portalUser", "portal.member.error.unknown");
        }
        Company own = companies.find(actor, contact.companyId()).orElse(null);
        Company recordCompany = companies.find(actor, record.companyId()).orElse(null);
        if (!user.scopeIncludes(own, recordCompany)) {
            throw PortalException.of("portalUser", "portal.member.error.outOfScope");
        }
        int added = jdbc.sql("insert into " + kind.table() + " (" + kind.column()
                        + ", portal_user_id, created_at, created_by) values (:record, :user, :now, :actor)"
                        + " on conflict do nothing")
                .param("record", recordId).param("user", user.id().value())
                .param("now", Timestamp.from(clock.instant())).param("actor", actor.id().value()).update();
        if (added > 0) {
            history.record(record.recordType(), recordId, record.version(), ChangeAction.UPDATED,
                    ChangeAuthor.of(actor), List.of(new FieldChange("portalMembers", null, contact.fullName())));
            log.info("Staff user {} added portal user {} to {} {}", actor.email(), user.id(), kind, recordId);
            tell(actor, kind, record, user, contact);
        }
    }

    /**
     * LIF-5: an Active member gets an e-mail with a link to the portal; an Awaiting one gets their
     * invitation instead (they have no way in yet). A Pending user's open invitation already leads
     * there, and an Inactive user cannot sign in, so neither gets anything new.
     */
    private void tell(StaffPrincipal actor, MembershipKind kind, MembershipRecord record, PortalUser user,
                      Contact contact) {
        if (user.status() == PortalUserStatus.AWAITING && PortalAccess.canGiveAccess(actor)
                && contact.email() != null && EmailAddress.isValid(contact.email())) {
            invitations.send(actor, user.id());
            return;
        }
        if (user.status() != PortalUserStatus.ACTIVE || contact.email() == null
                || !EmailAddress.isValid(contact.email())) {
            return;
        }
        // ACC-2, ACC-10 (found by the crawling leak suite, issue 7 item 12): the e-mail names the record, so
        // it goes only to a member who may see it; a user type without (or with "own") projects or
        // tickets would otherwise learn the name of a record its pages answer 404 for.
        RecordKind recordKind = kind == MembershipKind.PROJECT ? RecordKind.PROJECT : RecordKind.TICKET;
        if (!reads.canSee(user.id(), RecordRef.of(recordKind, record.id()))) {
            log.info("Portal user {} joined {} {} but may not see it; no e-mail names it", user.id(), kind, record.id());
            return;
        }
        Portal portal = portals.findById(user.portalId()).orElseThrow();
        Optional<Organization> organization = organizations.current();
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("kind", kind.name());
        model.put("recordTitle", record.title() == null ? "" : record.title());
        model.put("contactName", contact.fullName());
        model.put("portalName", portal.name());
        model.put("organizationName", organization.map(o -> o.profile().name()).orElse(portal.name()));
        model.put("link", publicBaseUrl + "/p/" + portal.slug());
        // Issue 6 item 3: the account's language, else the contact's, else the organization's.
        RenderedMail mail = templates.render(MEMBERSHIP_TEMPLATE, model, languages.of(user.id(), contact));
        // One e-mail per joining: a member removed and added again is told again.
        outbox.enqueue(OutgoingMail.of("membership:" + kind.slug() + ":" + record.id() + ":" + user.id() + ":"
                + clock.instant().toEpochMilli(), new EmailAddress(contact.email()), contact.fullName(), mail,
                MEMBERSHIP_PURPOSE));
    }

    /**
     * LIF-5: adds a contact who has no access to the customer portal: creates their portal user
     * there (customer kind, the portal's default user type "Limited access" — least privilege —
     * or its first type), adds them as a member and sends the invitation, in one transaction. A
     * full portal, a contact of another company or one without an e-mail address is refused with a
     * message and nothing changes.
     */
    @Transactional
    public PortalUser addContact(StaffPrincipal actor, MembershipKind kind, UUID recordId, ContactId contactId) {
        MembershipRecord record = record(actor, kind, recordId);
        requireChange(record);
        if (!PortalAccess.canGiveAccess(actor)) {
            throw PortalException.of("contact", "portal.member.error.cannotInvite");
        }
        Contact contact = contactId == null ? null : contacts.find(actor, contactId).orElse(null);
        if (contact == null || !contact.companyId().equals(record.companyId())) {
            throw PortalException.of("contact", "portal.member.error.contact");
        }
        Portal primary = portals.findPrimary().orElseThrow(() -> PortalException.of("", "portal.user.error.portal"));
        Optional<PortalUser> existing = jdbc.sql("select id from portal_user where contact_id = :c and portal_id = :p")
                .param("c", contactId.value()).param("p", primary.id().value()).query(UUID.class).optional()
                .flatMap(id -> users.findById(new PortalUserId(id)));
        if (existing.isPresent()) {
            throw PortalException.of("contact", "portal.member.error.contact");
        }
        if (contact.email() == null || !EmailAddress.isValid(contact.email())) {
            throw PortalException.of("contact", "invitation.error.noEmail");
        }
        UserType type = types.findByName(primary.id(), PortalDefaults.LIMITED_ACCESS)
                .or(() -> jdbc.sql("select id from portal_user_type where portal_id = :p order by lower(name), id limit 1")
                        .param("p", primary.id().value()).query(UUID.class).optional()
                        .flatMap(id -> types.findById(new UserTypeId(id))))
                .orElseThrow(() -> PortalException.of("", "portal.user.error.userType"));
        PortalUser user = portalUsers.create(actor, contactId, primary.id(), type.id(), PortalUserKind.CUSTOMER,
                PortalUserStatus.AWAITING);
        add(actor, kind, recordId, user.id());
        return users.findById(user.id()).orElseThrow();
    }

    /** Removes the portal user from the record's members; at once, for ACC-9. */
    @Transactional
    public void remove(StaffPrincipal actor, MembershipKind kind, UUID recordId, PortalUserId portalUserId) {
        MembershipRecord record = record(actor, kind, recordId);
        requireChange(record);
        String name = jdbc.sql("""
                        select c.first_name || ' ' || c.last_name from portal_user u join contact c on c.id = u.contact_id
                        where u.id = :user""").param("user", portalUserId.value()).query(String.class).optional()
                .orElse(portalUserId.toString());
        int removed = jdbc.sql("delete from " + kind.table() + " where " + kind.column()
                        + " = :record and portal_user_id = :user")
                .param("record", recordId).param("user", portalUserId.value()).update();
        if (removed > 0) {
            history.record(record.recordType(), recordId, record.version(), ChangeAction.UPDATED,
                    ChangeAuthor.of(actor), List.of(new FieldChange("portalMembers", name, null)));
            log.info("Staff user {} removed portal user {} from {} {}", actor.email(), portalUserId, kind, recordId);
        }
    }

    /** Whether the portal user is a member of the record (for tests and, later, the visibility rules). */
    @Transactional(readOnly = true)
    public boolean isMember(MembershipKind kind, UUID recordId, PortalUserId portalUserId) {
        return jdbc.sql("select count(*) from " + kind.table() + " where " + kind.column()
                        + " = :record and portal_user_id = :user")
                .param("record", recordId).param("user", portalUserId.value()).query(Long.class).single() > 0;
    }

    /**
     * Which of these records (one page of a list) have portal members (LIF-5: lists mark them):
     * one query for the page, an exists per id on the membership table's primary key.
     */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> withPortalMembers(MembershipKind kind, java.util.Collection<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select r.id from " + kind.recordTable() + " r where r.id in (:ids)"
                        + " and exists (select 1 from " + kind.table() + " m where m." + kind.column() + " = r.id)")
                .param("ids", List.copyOf(recordIds)).query(UUID.class).list());
    }

    /** The record as its module describes it to this staff user; refused as not found when they may not see it. */
    @Transactional(readOnly = true)
    public MembershipRecord describe(StaffPrincipal actor, MembershipKind kind, UUID recordId) {
        return record(actor, kind, recordId);
    }

    private MembershipRecord record(StaffPrincipal actor, MembershipKind kind, UUID recordId) {
        MembershipRecords source = records.get(kind);
        if (source == null) {
            throw new AccessDeniedException("No module lets portal users join " + kind);
        }
        return source.find(actor, recordId).orElseThrow(() -> PortalException.of("", "record.error.notFound"));
    }

    private static void requireChange(MembershipRecord record) {
        if (!record.canChangeMembers()) {
            throw new AccessDeniedException("Only the record's editors change its portal members");
        }
    }

    private static Map<String, Object> scope(MembershipRecord record, Company company) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("company", record.companyId().value());
        params.put("account", company == null || company.consolidatedAccountId() == null ? null
                : company.consolidatedAccountId().value());
        return params;
    }

    private static PortalMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PortalMember(new PortalUserId(rs.getObject("id", UUID.class)),
                rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("company_name"),
                rs.getString("portal_name"), rs.getString("type_name"), PortalUserKind.valueOf(rs.getString("kind")),
                PortalUserStatus.valueOf(rs.getString("status")), rs.getBoolean("in_scope"));
    }
}
