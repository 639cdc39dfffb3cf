package dev.foyer.directory;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A group of companies whose consolidated portal users see all of them (seed 001, ACC-1). */
@Table("consolidated_account")
public final class ConsolidatedAccount {

    @Id
    private final ConsolidatedAccountId id;
    private String name;
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
    ConsolidatedAccount(ConsolidatedAccountId id, String name, String externalRef, Long version, Instant createdAt,
                        UUID createdBy, Instant updatedAt, UUID updatedBy, Instant deletedAt, UUID deletedBy) {
        this.id = id;
        this.name = name;
        this.externalRef = externalRef;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.deletedAt = deletedAt;
        this.deletedBy = deletedBy;
    }

    static ConsolidatedAccount create(String name, String externalRef, UUID actor, Instant now) {
        return new ConsolidatedAccount(ConsolidatedAccountId.newId(), name, externalRef, null, now, actor, now, actor,
                null, null);
    }

    void rename(String name, String externalRef, UUID actor, Instant now) {
        this.name = name;
        this.externalRef = externalRef;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    void moveToRecycleBin(UUID actor, Instant now) {
        this.deletedAt = now;
        this.deletedBy = actor;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    void restore(UUID actor, Instant now) {
        this.deletedAt = null;
        this.deletedBy = null;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    boolean inRecycleBin() {
        return deletedAt != null;
    }

    public ConsolidatedAccountId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String externalRef() {
        return externalRef;
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
}
