package dev.foyer.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.EmailAddress;
import dev.foyer.mail.MailTemplates;
import dev.foyer.mail.Outbox;
import dev.foyer.mail.OutgoingMail;
import dev.foyer.portal.Invitations;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalUserId;
import dev.foyer.portal.PortalUserState;
import dev.foyer.portal.PortalUserStates;
import dev.foyer.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail (LIF-7): the token rules of invitations (256 random bits, stored as a
 * SHA-256 hash, single use), valid for one hour, the e-mail through the outbox. Asking answers the
 * same whether or not the address has an account.
 */
@Service
public class PasswordResets {

    public static final Duration VALIDITY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final JdbcClient jdbc;
    private final PortalAccounts accounts;
    private final PortalUserStates states;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicBaseUrl;

    PasswordResets(JdbcClient jdbc, PortalAccounts accounts, PortalUserStates states, MailTemplates templates,
                   Outbox outbox, ApplicationEventPublisher events, Clock clock,
                   @Value("${foyer.public-base-url}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.states = states;
        this.templates = templates;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** Sends a reset link if the address has an Active account in the portal; silently nothing otherwise. */
    @Transactional
    public void request(Portal portal, String email) {
        Optional<PortalAccounts.Account> account = accounts.findByEmail(portal.id(), email);
        Optional<PortalUserState> state = account.flatMap(a -> states.find(a.id()));
        if (account.isEmpty() || state.isEmpty() || !state.get().maySignIn() || !EmailAddress.isValid(account.get().email())) {
            log.info("Password reset asked for an address without an active account in portal {}", portal.id());
            return;
        }
        Instant now = clock.instant();
        PortalUserId user = account.get().id();
        // A newer link replaces the older ones.
        jdbc.sql("update portal_password_reset set used_at = :now where portal_user_id = :user and used_at is null")
                .param("now", Timestamp.from(now)).param("user", user.value()).update();
        String token = Invitations.newToken();
        UUID id = Ids.newId();
        Instant expiresAt = now.plus(VALIDITY);
        jdbc.sql("""
                        insert into portal_password_reset (id, portal_user_id, token_hash, created_at, expires_at)
                        values (:id, :user, :hash, :now, :expires)""")
                .param("id", id).param("user", user.value()).param("hash", Invitations.hash(token))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt)).update();
        Preferences preferences = account.get().preferences();
        String expires = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                .format(expiresAt.atZone(ZoneId.of(preferences.timeZone())));
        var rendered = templates.render("portal-password-reset", Map.of("portalName", portal.name(),
                "contactName", state.get().fullName(),
                "link", publicBaseUrl + "/p/" + portal.slug() + "/password-reset/" + token,
                "expiresAt", expires), Locale.forLanguageTag(preferences.language()));
        outbox.enqueue(OutgoingMail.of("password-reset:" + id, new EmailAddress(account.get().email()),
                state.get().fullName(), rendered, "password-reset"));
        log.info("Portal user {} asked for a password reset link ({})", user, id);
    }

    /** Whether the link can still set a password; reading changes nothing. */
    @Transactional(readOnly = true)
    public boolean isValid(Portal portal, String token) {
        return find(portal, token).isPresent();
    }

    /** Sets the new password and uses the link up; every open session of the user ends. */
    @Transactional
    public void reset(Portal portal, String token, String password, String confirmation) {
        accounts.requirePassword(password, confirmation);
        PortalUserId user = find(portal, token)
                .orElseThrow(() -> PortalAccountException.of("", "portal.reset.refused"));
        int claimed = jdbc.sql("""
                        update portal_password_reset set used_at = :now
                        where token_hash = :hash and used_at is null and expires_at > :now""")
                .param("now", Timestamp.from(clock.instant())).param("hash", Invitations.hash(token)).update();
        if (claimed == 0) {
            throw PortalAccountException.of("", "portal.reset.refused");
        }
        accounts.setPassword(user, password);
        events.publishEvent(new PasswordChanged(user));
        log.info("Portal user {} set a new password through a reset link", user);
    }

    private Optional<PortalUserId> find(Portal portal, String token) {
        if (!Invitations.looksLikeToken(token)) {
            return Optional.empty();
        }
        byte[] presented = Invitations.hash(token);
        return jdbc.sql("""
                        select r.portal_user_id, r.token_hash from portal_password_reset r
                             join portal_account a on a.portal_user_id = r.portal_user_id
                        where r.token_hash = :hash and r.used_at is null and r.expires_at > :now and a.portal_id = :portal""")
                .param("hash", presented).param("now", Timestamp.from(clock.instant())).param("portal", portal.id().value())
                .query((rs, n) -> java.security.MessageDigest.isEqual(rs.getBytes("token_hash"), presented)
                        ? new PortalUserId(rs.getObject("portal_user_id", UUID.class)) : null)
                .optional()
                .filter(id -> states.find(id).map(PortalUserState::maySignIn).orElse(false));
    }

    /** A portal user's password was reset: their sessions end. */
    public record PasswordChanged(PortalUserId user) {
    }
}
