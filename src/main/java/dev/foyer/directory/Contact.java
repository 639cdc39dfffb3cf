package dev.foyer.directory;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person at a customer company (PRODUCT.md §1), who may later get portal access. */
@Table("contact")
public final class Contact {

    @Id
    private final ContactId id;
    private CompanyId companyId;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String title;
    private boolean consent;
    private boolean locked;
    private String externalRef;
    /** One of OrganizationProfile.LANGUAGES; null = the organization's default (issue 6 item 3). */
    private String language;
    @Version
    private Long version;
    private final Instant createdAt;
    private final UUID createdBy;
    private Instant updatedAt;
    private UUID updatedBy;
    private Instant deletedAt;
    private UUID deletedBy;
    private boolean deletedWithCompany;

    @PersistenceCreator
    Contact(ContactId id, CompanyId companyId, String firstName, String lastName, String email, String phone,
            String title, boolean consent, boolean locked, String externalRef, String language, Long version, Instant createdAt,
            UUID createdBy, Instant updatedAt, UUID updatedBy, Instant deletedAt, UUID deletedBy,
            boolean deletedWithCompany) {
        this.id = id;
        this.companyId = companyId;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phone = phone;
        this.title = title;
        this.consent = consent;
        this.locked = locked;
        this.externalRef = externalRef;
        this.language = language;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.deletedAt = deletedAt;
        this.deletedBy = deletedBy;
        this.deletedWithCompany = deletedWithCompany;
    }

    static Contact create(ContactDetails details, UUID actor, Instant now) {
        Contact contact = new Contact(ContactId.newId(), null, null, null, null, null, null, false, false, null, null, null,
                now, actor, now, actor, null, null, false);
        contact.apply(details, actor, now);
        return contact;
    }

    void apply(ContactDetails details, UUID actor, Instant now) {
        this.companyId = details.company();
        this.firstName = details.firstName();
        this.lastName = details.lastName();
        this.email = details.email();
        this.phone = details.phone();
        this.title = details.title();
        this.consent = details.consent();
        this.locked = details.locked();
        this.externalRef = details.externalRef();
        this.language = details.language();
        touch(actor, now);
    }

    void moveToRecycleBin(UUID actor, Instant now) {
        this.deletedAt = now;
        this.deletedBy = actor;
        this.deletedWithCompany = false;
        touch(actor, now);
    }

    void restore(UUID actor, Instant now) {
        this.deletedAt = null;
        this.deletedBy = null;
        this.deletedWithCompany = false;
        touch(actor, now);
    }

    private void touch(UUID actor, Instant now) {
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public ContactDetails details() {
        return new ContactDetails(firstName, lastName, email, phone, title, companyId, consent, locked, externalRef, language);
    }

    public ContactId id() {
        return id;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String title() {
        return title;
    }

    public boolean consent() {
        return consent;
    }

    public boolean locked() {
        return locked;
    }

    public String externalRef() {
        return externalRef;
    }

    /** The contact's language (issue 6 item 3), or null for the organization's default. */
    public String language() {
        return language;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public boolean inRecycleBin() {
        return deletedAt != null;
    }
}
