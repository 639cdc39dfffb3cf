package dev.foyer.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Contact;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.EmailAddress;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.mail.MailTemplates;
import dev.foyer.mail.Outbox;
import dev.foyer.mail.OutgoingMail;
import dev.foyer.mail.RenderedMail;
import dev.foyer.organization.Organization;
import dev.foyer.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations of portal users (LIF-2, issue 6 item 3). A link's token has 256 random bits and is
 * stored only as its SHA-256 hash; it is valid for 7 days, used once, and voided by a newer
 * invitation of the same user. Opening the link ({@link #peek}) never consumes it; only
 * {@link #accept} does, atomically, so a double submit makes one account (ADR 008).
 */
@Service
public class Invitations {

    public static final Duration VALIDITY = Duration.ofDays(7);
    public static final String MAIL_PURPOSE = "invitation";
    public static final String MAIL_TEMPLATE = "portal-invitation";
    static final int TOKEN_BYTES = 32;
    /** Base64url without padding of 32 bytes; anything else is not a token of ours and is not looked up. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final JdbcClient jdbc;
    private final PortalUserRepository users;
    private final PortalRepository portals;
    private final Contacts contacts;
    private final Organizations organizations;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final RecordHistory history;
    private final MailLanguages languages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicBaseUrl;

    Invitations(JdbcClient jdbc, PortalUserRepository users, PortalRepository portals, Contacts contacts,
                Organizations organizations, MailTemplates templates, Outbox outbox, RecordHistory history,
                MailLanguages languages, ApplicationEventPublisher events, Clock clock,
                @Value("${foyer.public-base-url}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.users = users;
        this.portals = portals;
        this.contacts = contacts;
        this.organizations = organizations;
        this.templates = templates;
        this.outbox = outbox;
        this.history = history;
        this.languages = languages;
        this.events = events;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** Who may invite: admins and managers (PRODUCT.md §1), never members. */
    public static boolean canInvite(StaffPrincipal actor) {
        return PortalAccess.canGiveAccess(actor);
    }

    public static void requireInvite(StaffPrincipal actor) {
        PortalAccess.requireGiveAccess(actor);
    }

    /**
     * Invites the portal user (LIF-1, LIF-2): voids their older open invitations, makes them
     * Pending and queues the e-mail in this transaction, so the mail exists exactly when the
     * invitation does. Refused, changing nothing: a user who is Active or Inactive, a contact in the
     * recycle bin or without a usable address, a portal that is switched off.
     */
    @Transactional
    public InvitationSent send(StaffPrincipal actor, PortalUserId userId) {
        requireInvite(actor);
        PortalUser user = users.findById(userId)
                .orElseThrow(() -> PortalException.of("", "invitation.error.userNotFound"));
        if (user.status() != PortalUserStatus.AWAITING && user.status() != PortalUserStatus.PENDING) {
            throw PortalException.of("", "invitation.error.status");
        }
        Portal portal = portals.findById(user.portalId()).orElseThrow();
        if (!portal.active()) {
            throw PortalException.of("", "invitation.error.portalInactive");
        }
        Contact contact = contacts.find(actor, user.contactId()).filter(c -> !c.inRecycleBin())
                .orElseThrow(() -> PortalException.of("", "invitation.error.contact"));
        if (contact.email() == null || !EmailAddress.isValid(contact.email())) {
            throw PortalException.of("", "invitation.error.noEmail");
        }
        EmailAddress to = new EmailAddress(contact.email());
        Instant now = clock.instant();
        // Serializes invitations of one user, so two staff users re-inviting at once leave one open link.
        jdbc.sql("select id from portal_user where id = :id for update").param("id", userId.value())
                .query(UUID.class).single();
        int voided = jdbc.sql("""
                        update portal_invitation set voided_at = :now
                        where portal_user_id = :user and used_at is null and voided_at is null""")
                .param("now", Timestamp.from(now)).param("user", userId.value()).update();
        String token = newToken();
        InvitationId id = InvitationId.newId();
        Instant expiresAt = now.plus(VALIDITY);
        jdbc.sql("""
                        insert into portal_invitation (id, portal_user_id, token_hash, email, created_at, created_by, expires_at)
                        values (:id, :user, :hash, :email, :now, :actor, :expires)""")
                .param("id", id.value()).param("user", userId.value()).param("hash", hash(token))
                .param("email", to.value()).param("now", Timestamp.from(now)).param("actor", actor.id().value())
                .param("expires", Timestamp.from(expiresAt)).update();
        if (user.status() != PortalUserStatus.PENDING) {
            PortalUserStatus before = user.status();
            user.changeStatus(PortalUserStatus.PENDING, actor.id().value(), now);
            user = users.save(user);
            history.record(PortalUsers.RECORD_TYPE, user.id().value(), user.version(), ChangeAction.UPDATED,
                    ChangeAuthor.of(actor), RecordHistory.diff(Map.of("status", before.name()),
                            Map.of("status", PortalUserStatus.PENDING.name())));
            events.publishEvent(new PortalUserAccessChanged(user.id(), PortalUserStatus.PENDING));
        }
        outbox.enqueue(OutgoingMail.of("invitation:" + id, to, contact.fullName(),
                render(portal, user.id(), contact, token, expiresAt), MAIL_PURPOSE));
        log.info("Staff user {} invited portal user {} (invitation {}, {} older voided)", actor.id(), userId, id, voided);
        return new InvitationSent(id, userId, to.value(), expiresAt, voided);
    }

    /**
     * The invitation a link stands for, if it can still be accepted; reading it changes nothing
     * (a GET of the link, or a mail scanner following it, must not use it up).
     */
    @Transactional(readOnly = true)
    public PendingInvitation peek(String portalSlug, String rawToken) {
        InvitationRow row = find(portalSlug, rawToken).orElseThrow(() -> new InvitationException(InvitationRefusal.UNKNOWN));
        InvitationRefusal refusal = row.refusal(clock.instant());
        if (refusal != null) {
            throw new InvitationException(refusal);
        }
        return row.pending();
    }

    /** Like {@link #peek}, answering empty instead of throwing. */
    @Transactional(readOnly = true)
    public Optional<PendingInvitation> findValid(String portalSlug, String rawToken) {
        try {
            return Optional.of(peek(portalSlug, rawToken));
        } catch (InvitationException e) {
            return Optional.empty();
        }
    }

    /**
     * Uses the invitation up and makes its user Active (LIF-1), in the caller's transaction: the
     * caller creates the account in the same transaction. The token row is claimed with a
     * conditional update, so of two concurrent submits one wins and the other is refused as
     * {@link InvitationRefusal#USED} once the first commits.
     */
    @Transactional
    public PendingInvitation accept(String portalSlug, String rawToken) {
        InvitationRow row = find(portalSlug, rawToken).orElseThrow(() -> new InvitationException(InvitationRefusal.UNKNOWN));
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                        update portal_invitation set used_at = :now
                        where id = :id and used_at is null and voided_at is null and expires_at > :now""")
                .param("now", Timestamp.from(now)).param("id", row.id().value()).update();
        if (claimed == 0) {
            // Read again: the row may have been used or voided while this request waited for it.
            InvitationRow fresh = find(portalSlug, rawToken).orElseThrow(() -> new InvitationException(InvitationRefusal.UNKNOWN));
            InvitationRefusal refusal = fresh.refusal(now);
            throw new InvitationException(refusal == null ? InvitationRefusal.USED : refusal);
        }
        PortalUser user = users.findById(row.portalUser()).orElseThrow(() -> new InvitationException(InvitationRefusal.INACTIVE));
        if (user.status() != PortalUserStatus.PENDING && user.status() != PortalUserStatus.AWAITING) {
            throw new InvitationException(InvitationRefusal.INACTIVE);
        }
        PortalUserStatus before = user.status();
        user.changeStatus(PortalUserStatus.ACTIVE, null, now);
        user = users.save(user);
        history.record(PortalUsers.RECORD_TYPE, user.id().value(), user.version(), ChangeAction.UPDATED,
                new ChangeAuthor(null, row.pending().fullName(), "invitation"), RecordHistory.diff(Map.of("status", before.name()),
                        Map.of("status", PortalUserStatus.ACTIVE.name())));
        events.publishEvent(new PortalUserAccessChanged(user.id(), PortalUserStatus.ACTIVE));
        log.info("Portal user {} accepted invitation {}", user.id(), row.id());
        return row.pending();
    }

    private RenderedMail render(Portal portal, PortalUserId user, Contact contact, String token, Instant expiresAt) {
        Optional<Organization> organization = organizations.current();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("portalName", portal.name());
        model.put("organizationName", organization.map(o -> o.profile().name()).orElse(portal.name()));
        model.put("contactName", contact.fullName());
        model.put("link", publicBaseUrl + "/p/" + portal.slug() + "/invitation/" + token);
        ZoneId zone = organization.map(o -> ZoneId.of(o.profile().timeZone())).orElse(ZoneOffset.UTC);
        model.put("expiresAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT).format(expiresAt.atZone(zone)));
        // Hook for portal branding (PRT-7): an absolute logo URL once portals have logos; the templates show it when set.
        model.put("logoUrl", null);
        // LIF-2: "in the contact's language" (issue 6 item 3): account, contact, organization, in that order.
        return templates.render(MAIL_TEMPLATE, model, languages.of(user, contact));
    }

    /** Whether the text has the shape of a link token; anything else is never looked up. */
    public static boolean looksLikeToken(String rawToken) {
        return rawToken != null && TOKEN.matcher(rawToken).matches();
    }

    private Optional<InvitationRow> find(String portalSlug, String rawToken) {
        if (!looksLikeToken(rawToken) || portalSlug == null) {
            return Optional.empty();
        }
        byte[] presented = hash(rawToken);
        return jdbc.sql("""
                        select i.id, i.portal_user_id, i.token_hash, i.email, i.expires_at, i.used_at, i.voided_at,
                               u.status, u.portal_id, p.name as portal_name, p.slug, p.active, c.first_name, c.last_name,
                               c.language
                        from portal_invitation i join portal_user u on u.id = i.portal_user_id
                             join portal p on p.id = u.portal_id join contact c on c.id = u.contact_id
                        where i.token_hash = :hash""")
                .param("hash", presented)
                .query((rs, n) -> new InvitationRow(new InvitationId(rs.getObject("id", UUID.class)),
                        new PortalUserId(rs.getObject("portal_user_id", UUID.class)), rs.getBytes("token_hash"),
                        rs.getString("email"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") != null, rs.getTimestamp("voided_at") != null,
                        PortalUserStatus.valueOf(rs.getString("status")), new PortalId(rs.getObject("portal_id", UUID.class)),
                        rs.getString("portal_name"), rs.getString("slug"), rs.getBoolean("active"),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getString("language")))
                .optional()
                // The index found the row; compare the hashes again in constant time before trusting it.
                .filter(row -> MessageDigest.isEqual(row.tokenHash(), presented))
                .filter(row -> row.portalSlug().equals(portalSlug) && row.portalActive());
    }

    /** A new link token: 256 bits from SecureRandom, base64url (password reset links use it too). */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a token. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record InvitationRow(InvitationId id, PortalUserId portalUser, byte[] tokenHash, String email,
                                 Instant expiresAt, boolean used, boolean voided, PortalUserStatus userStatus,
                                 PortalId portal, String portalName, String portalSlug, boolean portalActive,
                                 String firstName, String lastName, String language) {

        InvitationRefusal refusal(Instant now) {
            if (used) {
                return InvitationRefusal.USED;
            }
            if (voided) {
                return InvitationRefusal.VOIDED;
            }
            if (!now.isBefore(expiresAt)) {
                return InvitationRefusal.EXPIRED;
            }
            if (userStatus == PortalUserStatus.INACTIVE || userStatus == PortalUserStatus.ACTIVE) {
                return InvitationRefusal.INACTIVE;
            }
            return null;
        }

        PendingInvitation pending() {
            return new PendingInvitation(id, portalUser, portal, portalName, portalSlug, email, firstName, lastName,
                    expiresAt, language);
        }
    }
}
