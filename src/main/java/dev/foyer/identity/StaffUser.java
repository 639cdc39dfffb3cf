package dev.foyer.identity;

import java.time.Instant;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A staff user's account (PRODUCT.md §1). Changes go through {@link StaffAccounts}. */
@Table("staff_user")
public final class StaffUser {

    @Id
    private final StaffUserId id;
    private String email;
    private String displayName;
    private String passwordHash;
    private StaffRole role;
    private boolean active;
    @Version
    private Long version;
    private final Instant createdAt;
    private final StaffUserId createdBy;
    private Instant updatedAt;
    private StaffUserId updatedBy;

    @PersistenceCreator
    StaffUser(StaffUserId id, String email, String displayName, String passwordHash, StaffRole role,
              boolean active, Long version, Instant createdAt, StaffUserId createdBy, Instant updatedAt,
              StaffUserId updatedBy) {
        this.id = Objects.requireNonNull(id);
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.active = active;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    static StaffUser create(EmailAddress email, String displayName, String passwordHash, StaffRole role,
                            StaffUserId actor, Instant now) {
        return new StaffUser(StaffUserId.newId(), email.value(), requireName(displayName), passwordHash,
                Objects.requireNonNull(role), true, null, now, actor, now, actor);
    }

    void edit(EmailAddress email, String displayName, StaffRole role, StaffUserId actor, Instant now) {
        this.email = email.value();
        this.displayName = requireName(displayName);
        this.role = Objects.requireNonNull(role);
        touch(actor, now);
    }

    void changePasswordHash(String passwordHash, StaffUserId actor, Instant now) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
        touch(actor, now);
    }

    void setActive(boolean active, StaffUserId actor, Instant now) {
        this.active = active;
        touch(actor, now);
    }

    private void touch(StaffUserId actor, Instant now) {
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    private static String requireName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            throw new IllegalArgumentException("A display name has 1 to 200 characters");
        }
        return stripped;
    }

    public StaffUserId id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    public StaffRole role() {
        return role;
    }

    public boolean active() {
        return active;
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
}
