package dev.foyer.portal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.foyer.directory.Company;
import dev.foyer.directory.ContactId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A portal user as data (PRODUCT.md §1): exactly one contact, one portal, one user type, a kind
 * (its scope, ACC-1) and a status (LIF-1). Sign-in comes with issue 6.
 */
@Table("portal_user")
public final class PortalUser {

    @Id
    private final PortalUserId id;
    private final ContactId contactId;
    private final PortalId portalId;
    private UserTypeId userTypeId;
    private PortalUserKind kind;
    private PortalUserStatus status;
    @Version
    private Long version;
    private final Instant createdAt;
    private final UUID createdBy;
    private Instant updatedAt;
    private UUID updatedBy;

    @PersistenceCreator
    PortalUser(PortalUserId id, ContactId contactId, PortalId portalId, UserTypeId userTypeId, PortalUserKind kind,
               PortalUserStatus status, Long version, Instant createdAt, UUID createdBy, Instant updatedAt,
               UUID updatedBy) {
        this.id = Objects.requireNonNull(id);
        this.contactId = Objects.requireNonNull(contactId);
        this.portalId = Objects.requireNonNull(portalId);
        this.userTypeId = Objects.requireNonNull(userTypeId);
        this.kind = Objects.requireNonNull(kind);
        this.status = Objects.requireNonNull(status);
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    static PortalUser create(ContactId contact, PortalId portal, UserTypeId type, PortalUserKind kind,
                             PortalUserStatus status, UUID actor, Instant now) {
        return new PortalUser(PortalUserId.newId(), contact, portal, type, kind, status, null, now, actor, now, actor);
    }

    /** LIF-4: another user type of the same portal (checked by {@link PortalUsers}). */
    void changeType(UserTypeId type, UUID actor, Instant now) {
        this.userTypeId = Objects.requireNonNull(type);
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /**
     * ACC-1 and ACC-3: whether a record of {@code recordCompany} is in this user's scope, given the
     * company of the user's contact. A customer user's scope is that company; a consolidated user's
     * is every company of that company's consolidated account.
     */
    public boolean scopeIncludes(Company contactCompany, Company recordCompany) {
        if (contactCompany == null || recordCompany == null) {
            return false;
        }
        if (contactCompany.id().equals(recordCompany.id())) {
            return true;
        }
        return kind == PortalUserKind.CONSOLIDATED && contactCompany.consolidatedAccountId() != null
                && contactCompany.consolidatedAccountId().equals(recordCompany.consolidatedAccountId());
    }

    /** LIF-1: Awaiting → Pending (invited), Pending → Active (accepted), Active ⇄ Inactive. */
    void changeStatus(PortalUserStatus next, UUID actor, Instant now) {
        this.status = Objects.requireNonNull(next);
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public PortalUserId id() {
        return id;
    }

    public ContactId contactId() {
        return contactId;
    }

    public PortalId portalId() {
        return portalId;
    }

    public UserTypeId userTypeId() {
        return userTypeId;
    }

    public PortalUserKind kind() {
        return kind;
    }

    public PortalUserStatus status() {
        return status;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
