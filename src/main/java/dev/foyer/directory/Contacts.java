package dev.foyer.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.RecordWriter;
import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People at customer companies: listed, created, edited, moved to the recycle bin (issue 3). */
@Service
public class Contacts {

    public static final String RECORD_TYPE = "contact";
    private static final Logger log = LoggerFactory.getLogger(Contacts.class);

    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    Contacts(ContactRepository contacts, CompanyRepository companies, RecordHistory history, JdbcClient jdbc,
             Clock clock) {
        this.contacts = contacts;
        this.companies = companies;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<ContactSummary> list(StaffPrincipal actor, ContactQuery query, Pageable pageable) {
        DirectoryAccess.requireView(actor);
        List<String> where = new ArrayList<>(List.of("c.deleted_at is null"));
        Map<String, Object> params = new HashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            where.add("lower(c.first_name || ' ' || c.last_name || ' ' || coalesce(c.email, '')) like :text");
            params.put("text", Sql.contains(query.text()));
        }
        if (query.company() != null) {
            where.add("c.company_id = :company");
            params.put("company", query.company().value());
        }
        if (query.consent() != null) {
            where.add("c.consent = :consent");
            params.put("consent", query.consent());
        }
        if (query.locked() != null) {
            where.add("c.locked = :locked");
            params.put("locked", query.locked());
        }
        String condition = " where " + String.join(" and ", where);
        String order = switch (query.sort()) {
            case NAME -> " order by lower(c.last_name), lower(c.first_name), c.id";
            case RECENTLY_UPDATED -> " order by c.updated_at desc, c.id";
        };
        long total = jdbc.sql("select count(*) from contact c" + condition).params(params).query(Long.class).single();
        List<ContactSummary> rows = jdbc.sql("""
                        select c.id, c.first_name, c.last_name, c.email, c.title, c.company_id, co.name as company_name,
                               c.consent, c.locked, c.updated_at
                        from contact c join company co on co.id = c.company_id""" + condition + order
                        + " limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new ContactSummary(new ContactId(rs.getObject("id", UUID.class)),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                        rs.getString("title"), new CompanyId(rs.getObject("company_id", UUID.class)),
                        rs.getString("company_name"), rs.getBoolean("consent"), rs.getBoolean("locked"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** A contact that is not in the recycle bin. */
    @Transactional(readOnly = true)
    public Optional<Contact> find(StaffPrincipal actor, ContactId id) {
        DirectoryAccess.requireView(actor);
        return contacts.findById(id).filter(contact -> !contact.inRecycleBin());
    }

    /**
     * EXP-9: the name of the portal user who added this contact as a colleague (EXP-5), if one did,
     * so staff see who really wrote it rather than the inviting staff user who owns it (LIF-6).
     */
    @Transactional(readOnly = true)
    public Optional<String> portalAuthorName(StaffPrincipal actor, ContactId id) {
        DirectoryAccess.requireView(actor);
        return jdbc.sql("""
                        select trim(a.first_name || ' ' || a.last_name) from contact c
                        join portal_user u on u.id = c.portal_author_id join contact a on a.id = u.contact_id
                        where c.id = :id""")
                .param("id", id.value()).query(String.class).optional();
    }

    @Transactional
    public Contact create(StaffPrincipal actor, ContactDetails input) {
        DirectoryAccess.requireEdit(actor);
        return create(RecordWriter.of(actor), input);
    }

    @Transactional
    public Contact create(ApiPrincipal client, ContactDetails input) {
        ApiAccess.requireWrite(client);
        return create(RecordWriter.of(client), input);
    }

    @Transactional
    public Contact update(StaffPrincipal actor, ContactId id, long expectedVersion, ContactDetails input) {
        DirectoryAccess.requireEdit(actor);
        return update(RecordWriter.of(actor), load(id, expectedVersion), input);
    }

    @Transactional
    public Contact update(ApiPrincipal client, ContactId id, long expectedVersion, ContactDetails input) {
        ApiAccess.requireWrite(client);
        return update(RecordWriter.of(client), load(id, expectedVersion), input);
    }

    /** Creates or updates the contact with this external reference; writes nothing when nothing differs. */
    @Transactional
    public Upserted<Contact> upsert(ApiPrincipal client, String externalRef, Long expectedVersion, ContactDetails input) {
        ApiAccess.requireWrite(client);
        ContactDetails withRef = new ContactDetails(input.firstName(), input.lastName(), input.email(), input.phone(),
                input.title(), input.company(), input.consent(), input.locked(), externalRef, input.language());
        Optional<Contact> existing = contacts.findByExternalRef(externalRef).filter(c -> !c.inRecycleBin());
        if (existing.isEmpty()) {
            return new Upserted<>(create(RecordWriter.of(client), withRef), true);
        }
        Contact contact = existing.get();
        if (expectedVersion != null && contact.version() != expectedVersion) {
            throw new StaleVersionException("contact " + contact.id());
        }
        if (withRef.validated().equals(contact.details())) {
            return new Upserted<>(contact, false);
        }
        return new Upserted<>(update(RecordWriter.of(client), contact, withRef), false);
    }

    @Transactional
    public void moveToRecycleBin(StaffPrincipal actor, ContactId id, long expectedVersion) {
        DirectoryAccess.requireEdit(actor);
        moveToRecycleBin(RecordWriter.of(actor), load(id, expectedVersion));
    }

    @Transactional
    public void moveToRecycleBin(ApiPrincipal client, ContactId id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        moveToRecycleBin(RecordWriter.of(client), load(id, expectedVersion));
    }

    /** Active contacts for an integration, oldest change first (docs/api.md, "Lists"). */
    @Transactional(readOnly = true)
    public Page<Contact> changedSince(ApiPrincipal client, Instant since, Pageable pageable) {
        ApiAccess.requireRead(client);
        Timestamp from = Timestamp.from(since == null ? Instant.EPOCH : since);
        long total = jdbc.sql("select count(*) from contact where deleted_at is null and updated_at >= :since")
                .param("since", from).query(Long.class).single();
        List<ContactId> ids = jdbc.sql("""
                        select id from contact where deleted_at is null and updated_at >= :since
                        order by updated_at, id limit :limit offset :offset""")
                .param("since", from).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new ContactId(rs.getObject("id", UUID.class))).list();
        Map<ContactId, Contact> byId = new HashMap<>();
        contacts.findAllById(ids).forEach(contact -> byId.put(contact.id(), contact));
        return new PageImpl<>(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<Contact> find(ApiPrincipal client, ContactId id) {
        ApiAccess.requireRead(client);
        return contacts.findById(id).filter(contact -> !contact.inRecycleBin());
    }

    @Transactional(readOnly = true)
    public Optional<Contact> findByExternalRef(ApiPrincipal client, String externalRef) {
        ApiAccess.requireRead(client);
        return contacts.findByExternalRef(externalRef).filter(contact -> !contact.inRecycleBin());
    }

    /**
     * A portal user's own contact (EXP-6), for the portal module's profile, which authorizes first:
     * this method does not know who asks. A contact in the recycle bin is absent.
     */
    @Transactional(readOnly = true)
    public Optional<Contact> findForOwnProfile(ContactId id) {
        return contacts.findById(id).filter(contact -> !contact.inRecycleBin());
    }

    /**
     * A portal user edits their own contact details (EXP-6), already authorized by the portal
     * module (field rights, PRT-4): only the name, e-mail, phone and title can change here, never
     * the company, consent, lock, reference or language. Stale versions (a staff edit in between)
     * are refused; the history names the portal user as author, "via portal".
     */
    @Transactional
    public Contact updateOwnDetails(ContactId id, long expectedVersion, OwnContactDetails own, ChangeAuthor author) {
        Contact contact = load(id, expectedVersion);
        ContactDetails current = contact.details();
        ContactDetails input = new ContactDetails(own.firstName(), own.lastName(), own.email(), own.phone(), own.title(),
                current.company(), current.consent(), current.locked(), current.externalRef(), current.language());
        // No staff user wrote this: updated_by stays empty, the history says who (EXP-9).
        return update(new RecordWriter(null, author, "Portal user " + author.name()), contact, input);
    }

    /** What a portal user may change about themselves (EXP-6). */
    public record OwnContactDetails(String firstName, String lastName, String email, String phone, String title) {
    }

    Contact create(RecordWriter writer, ContactDetails input) {
        ContactDetails details = checked(input, null);
        Contact contact = contacts.save(Contact.create(details, writer.staffId(), clock.instant()));
        history.record(RECORD_TYPE, contact.id().value(), contact.version(), ChangeAction.CREATED, writer.author(),
                RecordHistory.diff(Map.of(), details.snapshot(companyName(details.company()))));
        log.info("{} created contact {}", writer.logName(), contact.id());
        return contact;
    }

    Contact update(RecordWriter writer, Contact contact, ContactDetails input) {
        ContactDetails details = checked(input, contact.id());
        ContactDetails before = contact.details();
        contact.apply(details, writer.staffId(), clock.instant());
        Contact saved = save(contact);
        history.record(RECORD_TYPE, contact.id().value(), saved.version(), ChangeAction.UPDATED, writer.author(),
                RecordHistory.diff(before.snapshot(companyName(before.company())),
                        details.snapshot(companyName(details.company()))));
        log.info("{} edited contact {}", writer.logName(), contact.id());
        return saved;
    }

    void moveToRecycleBin(RecordWriter writer, Contact contact) {
        contact.moveToRecycleBin(writer.staffId(), clock.instant());
        Contact saved = save(contact);
        history.record(RECORD_TYPE, contact.id().value(), saved.version(), ChangeAction.DELETED, writer.author(),
                List.of());
        log.info("{} moved contact {} to the recycle bin", writer.logName(), contact.id());
    }

    Contact load(ContactId id, long expectedVersion) {
        Contact contact = contacts.findById(id).filter(c -> !c.inRecycleBin())
                .orElseThrow(() -> DirectoryException.of("", "record.error.notFound"));
        if (contact.version() != expectedVersion) {
            throw new StaleVersionException("contact " + id);
        }
        return contact;
    }

    private Contact save(Contact contact) {
        try {
            return contacts.save(contact);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("contact " + contact.id());
        }
    }

    private ContactDetails checked(ContactDetails input, ContactId self) {
        ContactDetails details = input.validated();
        Problems problems = new Problems();
        if (companies.findById(details.company()).filter(company -> !company.inRecycleBin()).isEmpty()) {
            problems.add("company", "contact.error.company");
        }
        if (details.externalRef() != null && contacts.findByExternalRef(details.externalRef())
                .filter(other -> !other.id().equals(self)).isPresent()) {
            problems.add("externalRef", "record.error.externalRefTaken");
        }
        problems.throwIfAny();
        return details;
    }

    private String companyName(CompanyId id) {
        return id == null ? null : companies.findById(id).map(Company::name).orElse(null);
    }
}
