package dev.foyer.directory;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.RecordWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact and company writes for a caller that has already authorized them itself — the portal's
 * record writes (EXP-5), which check the portal user's rights (PRT-3, PRT-4) and visibility before
 * calling here, in the same transaction (ACC-12: authorize before mutate). The directory sits
 * upstream of the portal module, so it offers these rather than implementing a portal interface.
 * Nothing here checks who may write: never call it from a controller. Validation, optimistic
 * locking and history are the same as for staff ({@link Contacts}, {@link Companies}).
 */
@Service
public class DelegatedDirectoryWrites {

    private final Contacts contacts;
    private final Companies companies;
    private final ContactRepository contactRows;
    private final CompanyRepository companyRows;
    private final JdbcClient jdbc;

    DelegatedDirectoryWrites(Contacts contacts, Companies companies, ContactRepository contactRows,
                             CompanyRepository companyRows, JdbcClient jdbc) {
        this.contacts = contacts;
        this.companies = companies;
        this.contactRows = contactRows;
        this.companyRows = companyRows;
        this.jdbc = jdbc;
    }

    /** A contact not in the recycle bin, with the portal user who added it (null when staff did). */
    @Transactional(readOnly = true)
    public Optional<AuthoredContact> contact(ContactId id) {
        return contactRows.findById(id).filter(c -> !c.inRecycleBin()).map(c -> new AuthoredContact(c,
                jdbc.sql("select portal_author_id from contact where id = :id").param("id", id.value())
                        .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).optional().flatMap(o -> o).orElse(null)));
    }

    /** A company not in the recycle bin. */
    @Transactional(readOnly = true)
    public Optional<Company> company(CompanyId id) {
        return companyRows.findById(id).filter(c -> !c.inRecycleBin());
    }

    /** Adds the contact, remembering the portal user who wrote it (V52); {@code writer} is its owner (LIF-6). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Contact createContact(RecordWriter writer, ContactDetails details, UUID portalAuthor) {
        Contact created = contacts.create(writer, details);
        jdbc.sql("update contact set portal_author_id = :author where id = :id")
                .param("author", portalAuthor).param("id", created.id().value()).update();
        return created;
    }

    /** A stale version changes nothing ({@link dev.foyer.shared.StaleVersionException}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Contact updateContact(RecordWriter writer, ContactId id, long expectedVersion, ContactDetails details) {
        return contacts.update(writer, contacts.load(id, expectedVersion), details);
    }

    /** Moves the contact to the recycle bin, as staff's delete does; a stale version changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void binContact(RecordWriter writer, ContactId id, long expectedVersion) {
        contacts.moveToRecycleBin(writer, contacts.load(id, expectedVersion));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Company updateCompany(RecordWriter writer, CompanyId id, long expectedVersion, CompanyDetails details) {
        return companies.update(writer, companies.load(id, expectedVersion), details);
    }

    /** A contact and the portal user who added it, if one did. */
    public record AuthoredContact(Contact contact, UUID portalAuthorId) {
    }
}
