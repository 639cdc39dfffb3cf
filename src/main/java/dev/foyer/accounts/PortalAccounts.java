package dev.foyer.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.PasswordPolicy;
import dev.foyer.organization.Organization;
import dev.foyer.organization.OrganizationProfile;
import dev.foyer.organization.Organizations;
import dev.foyer.organization.TimeFormat;
import dev.foyer.portal.InvitationException;
import dev.foyer.portal.Invitations;
import dev.foyer.portal.PendingInvitation;
import dev.foyer.portal.PortalId;
import dev.foyer.portal.PortalUserId;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal user accounts (LIF-2, LIF-7): created by accepting an invitation, with the invited
 * e-mail, a bcrypt password hash, preferences and an optional TOTP second factor with ten
 * single-use recovery codes (ADR 008).
 */
@Service
public class PortalAccounts {

    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(PortalAccounts.class);

    private final JdbcClient jdbc;
    private final Invitations invitations;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Organizations organizations;
    private final Clock clock;
    private final SecretBox secrets;

    PortalAccounts(JdbcClient jdbc, Invitations invitations, PasswordPolicy policy, PasswordEncoder encoder,
                   Organizations organizations, Clock clock, SecretBox secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.policy = policy;
        this.encoder = encoder;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Accepts the invitation with a password (LIF-2): uses the link up, makes the user Active and
     * creates their account with the invited e-mail and the organization's preferences (the
     * contact's language when set), all in one transaction. A password the policy refuses changes nothing and leaves the link usable; a
     * second submit of the same link is refused as used, so there is one account.
     */
    @Transactional
    public PortalPrincipal accept(String portalSlug, String token, String password, String confirmation) {
        requirePassword(password, confirmation);
        PendingInvitation invitation = invitations.accept(portalSlug, token);
        Preferences organization = organizations.current().map(Organization::profile).map(Preferences::of)
                .orElse(new Preferences("en", "UTC", TimeFormat.H24, "DE"));
        // Issue 6 item 3: the account starts in the contact's language when staff set one, so the
        // welcome step's preferences form (step 2 of accepting) proposes it; the user may change it there.
        String startLanguage = invitation.contactLanguage() != null
                && OrganizationProfile.LANGUAGES.contains(invitation.contactLanguage())
                ? invitation.contactLanguage() : organization.language();
        Preferences defaults = new Preferences(startLanguage, organization.timeZone(), organization.timeFormat(),
                organization.country());
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            insert into portal_account (portal_user_id, portal_id, email, password_hash, language, time_zone,
                                                        time_format, country, version, created_at, updated_at)
                            values (:user, :portal, :email, :hash, :language, :zone, :format, :country, 0, :now, :now)""")
                    .param("user", invitation.portalUser().value()).param("portal", invitation.portal().value())
                    .param("email", invitation.email()).param("hash", encoder.encode(password))
                    .param("language", defaults.language()).param("zone", defaults.timeZone())
                    .param("format", defaults.timeFormat().name()).param("country", defaults.country())
                    .param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            // Another account of this portal has the address, or this user has an account already.
            throw PortalAccountException.of("", "portal.accept.error.exists");
        }
        log.info("Portal user {} set up their account", invitation.portalUser());
        return new PortalPrincipal(invitation.portalUser(), invitation.portal(), invitation.email(), invitation.fullName());
    }

    /** Whether the link is valid: for the GET of the accept page, which must not use it up. */
    public PendingInvitation peekInvitation(String portalSlug, String token) throws InvitationException {
        return invitations.peek(portalSlug, token);
    }

    /** The account as the web layer may see it: no password hash, no second-factor secret (issue 6 item 7). */
    @Transactional(readOnly = true)
    public Optional<Account> find(PortalUserId user) {
        return findWithHash(user).map(WithHash::account);
    }

    /** The account by its e-mail within one portal (password reset). */
    @Transactional(readOnly = true)
    public Optional<Account> findByEmail(PortalId portal, String email) {
        return findWithHashByEmail(portal, email).map(WithHash::account);
    }

    /** The account with its bcrypt hash, for sign-in within this module only. */
    Optional<WithHash> findWithHashByEmail(PortalId portal, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select portal_user_id from portal_account where portal_id = :portal and lower(email) = lower(:email)")
                .param("portal", portal.value()).param("email", email.strip()).query(UUID.class).optional()
                .flatMap(id -> findWithHash(new PortalUserId(id)));
    }

    private Optional<WithHash> findWithHash(PortalUserId user) {
        return jdbc.sql("""
                        select portal_user_id, portal_id, email, password_hash, language, time_zone, time_format, country,
                               totp_secret is not null as two_factor, version
                        from portal_account where portal_user_id = :user""")
                .param("user", user.value())
                .query((rs, n) -> new WithHash(new Account(new PortalUserId(rs.getObject("portal_user_id", UUID.class)),
                        new PortalId(rs.getObject("portal_id", UUID.class)), rs.getString("email"),
                        new Preferences(rs.getString("language"), rs.getString("time_zone"),
                                TimeFormat.valueOf(rs.getString("time_format")), rs.getString("country")),
                        rs.getBoolean("two_factor"), rs.getLong("version")), rs.getString("password_hash")))
                .optional();
    }

    private boolean currentPasswordMatches(PortalUserId user, String presented) {
        return presented != null && !presented.isEmpty()
                && findWithHash(user).map(a -> encoder.matches(presented, a.passwordHash())).orElse(false);
    }

    @Transactional
    public void updatePreferences(PortalPrincipal user, long expectedVersion, String language, String timeZone,
                                  String timeFormat, String country) {
        Map<String, String> problems = Preferences.problems(language, timeZone, timeFormat, country);
        if (!problems.isEmpty()) {
            throw new PortalAccountException(problems);
        }
        int updated = jdbc.sql("""
                        update portal_account set language = :language, time_zone = :zone, time_format = :format,
                                                  country = :country, version = version + 1, updated_at = :now
                        where portal_user_id = :user and version = :version""")
                .param("language", language).param("zone", timeZone).param("format", timeFormat)
                .param("country", country).param("now", Timestamp.from(clock.instant()))
                .param("user", user.id().value()).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException("Portal account " + user.id());
        }
    }

    /** Changes the password after checking the current one (EXP-6). */
    @Transactional
    public void changePassword(PortalPrincipal user, String current, String password, String confirmation) {
        if (!currentPasswordMatches(user.id(), current)) {
            throw PortalAccountException.of("currentPassword", "portal.password.error.current");
        }
        requirePassword(password, confirmation);
        setPassword(user.id(), password);
    }

    void setPassword(PortalUserId user, String password) {
        jdbc.sql("update portal_account set password_hash = :hash, version = version + 1, updated_at = :now where portal_user_id = :user")
                .param("hash", encoder.encode(password)).param("now", Timestamp.from(clock.instant()))
                .param("user", user.value()).update();
    }

    void requirePassword(String password, String confirmation) {
        Optional<String> violation = policy.violation(password);
        if (violation.isPresent()) {
            throw PortalAccountException.of("password", violation.get());
        }
        if (!password.equals(confirmation)) {
            throw PortalAccountException.of("confirmation", "portal.password.error.confirmation");
        }
    }

    // --- second factor (RFC 6238) ---

    /** A new secret to enrol; nothing is stored until {@link #enableSecondFactor} confirms a code from it. */
    public String newSecondFactorSecret() {
        return Totp.newSecret();
    }

    public String otpauthUri(PortalPrincipal user, String portalName, String secret) {
        return Totp.uri(portalName, user.email(), secret);
    }

    public String qrSvg(String otpauthUri) {
        return QrCodes.svg(otpauthUri);
    }

    /**
     * Turns the second factor on once the user proves their app has the secret; answers the ten
     * recovery codes, shown this once and stored only as hashes.
     */
    @Transactional
    public List<String> enableSecondFactor(PortalPrincipal user, String secret, String code) {
        long step = Totp.step(clock.instant().getEpochSecond());
        Long matched = null;
        for (long candidate = step - 1; candidate <= step + 1; candidate++) {
            if (Totp.matches(secret, candidate, code == null ? null : code.strip())) {
                matched = candidate;
            }
        }
        if (matched == null) {
            throw PortalAccountException.of("code", "portal.twoFactor.error.code");
        }
        jdbc.sql("update portal_account set totp_secret = :secret, totp_last_step = :step, version = version + 1, updated_at = :now where portal_user_id = :user")
                .param("secret", secrets.seal(secret, user.id().value().toString())).param("step", matched).param("now", Timestamp.from(clock.instant()))
                .param("user", user.id().value()).update();
        jdbc.sql("delete from portal_recovery_code where portal_user_id = :user").param("user", user.id().value()).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = newRecoveryCode();
            codes.add(recovery);
            jdbc.sql("insert into portal_recovery_code (portal_user_id, code_hash) values (:user, :hash)")
                    .param("user", user.id().value()).param("hash", Invitations.hash(normalizeRecovery(recovery))).update();
        }
        log.info("Portal user {} turned on a second factor", user.id());
        return codes;
    }

    @Transactional
    public void disableSecondFactor(PortalPrincipal user, String currentPassword) {
        if (!currentPasswordMatches(user.id(), currentPassword)) {
            throw PortalAccountException.of("currentPassword", "portal.password.error.current");
        }
        jdbc.sql("update portal_account set totp_secret = null, totp_last_step = null, version = version + 1 where portal_user_id = :user")
                .param("user", user.id().value()).update();
        jdbc.sql("delete from portal_recovery_code where portal_user_id = :user").param("user", user.id().value()).update();
        log.info("Portal user {} turned off their second factor", user.id());
    }

    /**
     * Checks a second-factor code: a TOTP code of the current step ±1 that is newer than the last
     * one accepted (a code never works twice), or an unused recovery code, which is used up.
     */
    @Transactional
    public boolean verifySecondFactor(PortalUserId user, String code) {
        String clean = code == null ? "" : code.strip();
        if (clean.matches("\\d{6}")) {
            String sealed = jdbc.sql("select totp_secret from portal_account where portal_user_id = :user")
                    .param("user", user.value()).query(String.class).optional().orElse(null);
            if (sealed == null) {
                return false;
            }
            String secret;
            try {
                secret = secrets.open(sealed, user.value().toString());
            } catch (IllegalStateException e) {
                // Another key than the one it was sealed with: only a recovery code can help now.
                log.error("Cannot read the second-factor secret of portal user {}: {}", user, e.getMessage());
                return false;
            }
            long step = Totp.step(clock.instant().getEpochSecond());
            for (long candidate = step - 1; candidate <= step + 1; candidate++) {
                if (Totp.matches(secret, candidate, clean)) {
                    // Claims the step atomically: the same code (or an older one) is refused afterwards.
                    return jdbc.sql("""
                                    update portal_account set totp_last_step = :step
                                    where portal_user_id = :user and (totp_last_step is null or totp_last_step < :step)""")
                            .param("step", candidate).param("user", user.value()).update() == 1;
                }
            }
            return false;
        }
        return jdbc.sql("""
                        update portal_recovery_code set used_at = :now
                        where portal_user_id = :user and code_hash = :hash and used_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("user", user.value())
                .param("hash", Invitations.hash(normalizeRecovery(clean))).update() == 1;
    }

    @Transactional(readOnly = true)
    public long unusedRecoveryCodes(PortalUserId user) {
        return jdbc.sql("select count(*) from portal_recovery_code where portal_user_id = :user and used_at is null")
                .param("user", user.value()).query(Long.class).single();
    }

    private static String newRecoveryCode() {
        byte[] bytes = new byte[7];
        RANDOM.nextBytes(bytes);
        String text = Totp.base32(bytes).toLowerCase(Locale.ROOT).substring(0, 10);
        return text.substring(0, 5) + "-" + text.substring(5);
    }

    static String normalizeRecovery(String code) {
        return new String(code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                StandardCharsets.US_ASCII);
    }

    /**
     * A portal user's account as the profile and other modules see it. Deliberately without the
     * password hash and the second-factor secret: those never leave this package (issue 6 item 7).
     */
    public record Account(PortalUserId id, PortalId portalId, String email, Preferences preferences,
                          boolean secondFactor, long version) {
    }

    /** The account with its password hash: package-private, for sign-in's comparison only. */
    record WithHash(Account account, String passwordHash) {
        @Override
        public String toString() {
            return "WithHash[" + account + "]";
        }
    }
}
