package dev.foyer.api;

import java.time.Instant;
import java.util.Objects;

import dev.foyer.identity.StaffUserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A credential an integration presents as {@code Authorization: Bearer <secret>}. Only the SHA-256
 * hash of the secret is kept; the secret itself exists once, in the answer to its creation.
 * Changes go through {@link ApiTokens}.
 */
@Table("api_token")
public final class ApiToken {

    @Id
    private final ApiTokenId id;
    private final String name;
    private final ApiScope scope;
    private final byte[] tokenHash;
    private final String tokenPrefix;
    private final Instant createdAt;
    private final StaffUserId createdBy;
    private final Instant expiresAt;
    private final Instant lastUsedAt;
    private Instant revokedAt;
    private StaffUserId revokedBy;
    @Version
    private Long version;

    @PersistenceCreator
    ApiToken(ApiTokenId id, String name, ApiScope scope, byte[] tokenHash, String tokenPrefix, Instant createdAt,
             StaffUserId createdBy, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, StaffUserId revokedBy,
             Long version) {
        this.id = Objects.requireNonNull(id);
        this.name = name;
        this.scope = scope;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
        this.lastUsedAt = lastUsedAt;
        this.revokedAt = revokedAt;
        this.revokedBy = revokedBy;
        this.version = version;
    }

    static ApiToken create(String name, ApiScope scope, byte[] tokenHash, String tokenPrefix, Instant expiresAt,
                           StaffUserId actor, Instant now) {
        return new ApiToken(ApiTokenId.newId(), name, Objects.requireNonNull(scope), tokenHash.clone(), tokenPrefix,
                now, Objects.requireNonNull(actor), expiresAt, null, null, null, null);
    }

    void revoke(StaffUserId actor, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = actor;
        }
    }

    /** Whether a request presenting this token's secret at {@code now} is let in. */
    public boolean isUsable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public ApiTokenId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ApiScope scope() {
        return scope;
    }

    byte[] tokenHash() {
        return tokenHash.clone();
    }

    /** The first characters of the secret, safe to show, e.g. {@code foyer_Ab12cD34}. */
    public String tokenPrefix() {
        return tokenPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public StaffUserId createdBy() {
        return createdBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public long version() {
        return version == null ? 0 : version;
    }
}
