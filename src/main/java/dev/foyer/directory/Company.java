package dev.foyer.directory;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A customer company (PRODUCT.md §2), optionally in a consolidated account. */
@Table("company")
public final class Company {

    @Id
    private final CompanyId id;
    private String name;
    private String domain;
    private String address;
    private String phone;
    private String notes;
    private ConsolidatedAccountId consolidatedAccountId;
    private String externalRef;
    @Version
    private Long version;
    private final Instant createdAt;
    private final UUID createdBy;
    private Instant updatedAt;
    private UUID updatedBy;
    private Instant deletedAt;
    private UUID deletedBy;

    @PersistenceCreator
    Company(CompanyId id, String name, String domain, String address, String phone, String notes,
            ConsolidatedAccountId consolidatedAccountId, String externalRef, Long version, Instant createdAt,
            UUID createdBy, Instant updatedAt, UUID updatedBy, Instant deletedAt, UUID deletedBy) {
        this.id = id;
        this.name = name;
        this.domain = domain;
        this.address = address;
        this.phone = phone;
        this.notes = notes;
        this.consolidatedAccountId = consolidatedAccountId;
        this.externalRef = externalRef;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.deletedAt = deletedAt;
        this.deletedBy = deletedBy;
    }

    static Company create(CompanyDetails details, UUID actor, Instant now) {
        Company company = new Company(CompanyId.newId(), null, null, null, null, null, null, null, null, now, actor,
                now, actor, null, null);
        company.apply(details, actor, now);
        return company;
    }

    void apply(CompanyDetails details, UUID actor, Instant now) {
        this.name = details.name();
        this.domain = details.domain();
        this.address = details.address();
        this.phone = details.phone();
        this.notes = details.notes();
        this.consolidatedAccountId = details.consolidatedAccount();
        this.externalRef = details.externalRef();
        touch(actor, now);
    }

    void moveToRecycleBin(UUID actor, Instant now) {
        this.deletedAt = now;
        this.deletedBy = actor;
        touch(actor, now);
    }

    void restore(UUID actor, Instant now) {
        this.deletedAt = null;
        this.deletedBy = null;
        touch(actor, now);
    }

    private void touch(UUID actor, Instant now) {
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public CompanyDetails details() {
        return new CompanyDetails(name, domain, address, phone, notes, consolidatedAccountId, externalRef);
    }

    public CompanyId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String domain() {
        return domain;
    }

    public String address() {
        return address;
    }

    public String phone() {
        return phone;
    }

    public String notes() {
        return notes;
    }

    public ConsolidatedAccountId consolidatedAccountId() {
        return consolidatedAccountId;
    }

    public String externalRef() {
        return externalRef;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public Instant createdAt() {
        return createdAt;
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
