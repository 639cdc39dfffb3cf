package dev.foyer.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens (issue 3): admins create them (the secret is returned once and only its hash is
 * stored), list and revoke them; the API security chain authenticates requests with them.
 */
@Service
public class ApiTokens {

    /** How often at most a token's last use is written, so busy integrations do not write on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    static final int MAX_NAME_LENGTH = 100;

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private final ApiTokenRepository tokens;
    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, JdbcClient jdbc, Clock clock) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who may create, list and revoke API tokens: admins. */
    public static boolean canManageApiTokens(StaffPrincipal actor) {
        return actor != null && actor.isAdmin();
    }

    public static void requireManageApiTokens(StaffPrincipal actor) {
        if (!canManageApiTokens(actor)) {
            throw new AccessDeniedException("Only admins manage API tokens");
        }
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page<ApiToken> list(StaffPrincipal actor, Pageable pageable) {
        requireManageApiTokens(actor);
        return tokens.findAll(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
    }

    @Transactional(readOnly = true)
    public Optional<ApiToken> find(StaffPrincipal actor, ApiTokenId id) {
        requireManageApiTokens(actor);
        return tokens.findById(id);
    }

    /**
     * Creates a token. The answer holds the secret, which is never retrievable again. An expiry, if
     * given, must lie in the future.
     */
    @Transactional
    public CreatedApiToken create(StaffPrincipal actor, String name, ApiScope scope, Instant expiresAt) {
        requireManageApiTokens(actor);
        Instant now = clock.instant();
        String cleanName = name == null ? "" : name.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH || cleanName.chars().anyMatch(Character::isISOControl)) {
            problems.put("name", "apiTokens.error.name");
        }
        if (scope == null) {
            problems.put("scope", "apiTokens.error.scope");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            problems.put("expiresOn", "apiTokens.error.expiry");
        }
        if (!problems.isEmpty()) {
            throw new ApiTokenException(problems);
        }
        String secret = ApiTokenSecrets.newSecret();
        ApiToken token = tokens.save(ApiToken.create(cleanName, scope, ApiTokenSecrets.hash(secret),
                ApiTokenSecrets.displayPrefix(secret), expiresAt, actor.id(), now));
        log.info("Staff user {} created API token {} ({}, scope {}, expires {})", actor.email(), token.id(),
                token.tokenPrefix(), scope, expiresAt == null ? "never" : expiresAt);
        return new CreatedApiToken(token, secret);
    }

    /** Revokes a token at once: the next request presenting it is refused. Revoking twice changes nothing. */
    @Transactional
    public ApiToken revoke(StaffPrincipal actor, ApiTokenId id, long expectedVersion) {
        requireManageApiTokens(actor);
        ApiToken token = tokens.findById(id).orElseThrow(() -> new ApiTokenException(Map.of("", "apiTokens.error.notFound")));
        if (token.version() != expectedVersion) {
            throw new StaleVersionException("API token " + id);
        }
        if (token.revoked()) {
            return token;
        }
        token.revoke(actor.id(), clock.instant());
        try {
            token = tokens.save(token);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("API token " + id);
        }
        log.info("Staff user {} revoked API token {} ({})", actor.email(), token.id(), token.tokenPrefix());
        return token;
    }

    /**
     * The client a presented secret stands for, if it is a known token that is neither revoked nor
     * expired. Looks the token up by the SHA-256 hash of the secret and compares the hashes in
     * constant time. Records the use at most once a minute, without changing the token's version.
     */
    @Transactional
    public Optional<ApiPrincipal> authenticate(String secret) {
        if (!ApiTokenSecrets.looksLikeSecret(secret)) {
            return Optional.empty();
        }
        byte[] presented = ApiTokenSecrets.hash(secret);
        Instant now = clock.instant();
        Optional<ApiToken> found = tokens.findByTokenHash(presented)
                .filter(token -> ApiTokenSecrets.sameHash(token.tokenHash(), presented))
                .filter(token -> token.isUsable(now));
        found.ifPresent(token -> recordUse(token, now));
        return found.map(token -> new ApiPrincipal(token.id(), token.name(), token.tokenPrefix(), token.scope(),
                token.createdBy()));
    }

    private void recordUse(ApiToken token, Instant now) {
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(now.minus(LAST_USED_PRECISION))) {
            return;
        }
        // A plain update: recording a use must not bump the version an admin's revoke form carries.
        jdbc.sql("""
                        update api_token set last_used_at = :now
                        where id = :id and (last_used_at is null or last_used_at <= :threshold)""")
                .param("now", Timestamp.from(now))
                .param("id", token.id().value())
                .param("threshold", Timestamp.from(now.minus(LAST_USED_PRECISION)))
                .update();
    }
}
