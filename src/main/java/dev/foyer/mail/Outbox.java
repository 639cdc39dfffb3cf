package dev.foyer.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.EmailAddress;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.organization.Organization;
import dev.foyer.organization.Organizations;
import dev.foyer.shared.Ids;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable outbox every e-mail goes through (issue 6, ADR 006). Features call {@link #enqueue}
 * inside their own transaction; {@link MailDelivery} sends what is due. Admins list, read and
 * re-send messages (Settings → Outbox), which is also how a trial without a mail server gets its
 * links.
 */
@Service
public class Outbox {

    /** The purpose of the test message admins send from the outbox page. */
    public static final String TEST_MESSAGE_PURPOSE = "test-message";
    /** The filter offers at most this many purposes (there are a handful by nature). */
    static final int MAX_PURPOSES = 50;

    static final RowMapper<OutboxEntry> ENTRIES = (rs, n) -> new OutboxEntry(
            new OutboxEntryId(rs.getObject("id", UUID.class)), rs.getString("idempotency_key"), rs.getString("purpose"),
            rs.getString("recipient_address"), rs.getString("recipient_name"), rs.getString("subject"),
            rs.getString("text_body"), rs.getString("html_body"), rs.getString("message_id"),
            OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "not_before"),
            instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), rs.getString("last_error"),
            instant(rs, "sent_at"), instant(rs, "created_at"), rs.getLong("version"));
    private static final RowMapper<OutboxEntrySummary> SUMMARIES = (rs, n) -> new OutboxEntrySummary(
            new OutboxEntryId(rs.getObject("id", UUID.class)), rs.getString("purpose"), rs.getString("recipient_address"),
            rs.getString("recipient_name"), rs.getString("subject"), OutboxStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"), instant(rs, "created_at"));

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final MailTemplates templates;
    private final Organizations organizations;
    private final String publicBaseUrl;

    Outbox(JdbcClient jdbc, Clock clock, MailSettings settings, MailTemplates templates, Organizations organizations,
           @Value("${foyer.public-base-url}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.templates = templates;
        this.organizations = organizations;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Who may read the outbox and re-send messages: admins (messages hold invitation links). */
    public static boolean canManageOutbox(StaffPrincipal actor) {
        return actor != null && actor.isAdmin();
    }

    public static void requireManageOutbox(StaffPrincipal actor) {
        if (!canManageOutbox(actor)) {
            throw new AccessDeniedException("Only admins read the outbox");
        }
    }

    /**
     * Puts a message into the outbox, in the caller's transaction: it exists exactly when the
     * caller's change commits. A key that is already in the outbox (in any state) queues nothing
     * and answers the existing entry. Without a configured mail server the message is HELD for
     * admins to read.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public OutboxEntry enqueue(OutgoingMail mail) {
        Objects.requireNonNull(mail, "mail");
        Instant now = clock.instant();
        boolean held = !settings.configured();
        Instant due = held ? null : mail.notBefore() != null && mail.notBefore().isAfter(now) ? mail.notBefore() : now;
        // On a concurrent enqueue of the same key, PostgreSQL waits for the other transaction and then does nothing.
        Optional<UUID> inserted = jdbc.sql("""
                        insert into mail_outbox (id, idempotency_key, purpose, recipient_address, recipient_name, subject,
                                                 text_body, html_body, message_id, status, attempts, not_before,
                                                 next_attempt_at, created_at, version)
                        values (:id, :key, :purpose, :address, :name, :subject, :text, :html, :messageId, :status, 0,
                                :notBefore, :due, :now, 0)
                        on conflict (idempotency_key) do nothing
                        returning id""")
                .param("id", Ids.newId())
                .param("key", mail.idempotencyKey())
                .param("purpose", mail.purpose())
                .param("address", mail.to().value())
                .param("name", mail.toName())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("messageId", MessageIds.of(mail.idempotencyKey(), publicBaseUrl))
                .param("status", (held ? OutboxStatus.HELD : OutboxStatus.QUEUED).name())
                .param("notBefore", timestamp(mail.notBefore()))
                .param("due", timestamp(due))
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
        OutboxEntry entry = jdbc.sql("select * from mail_outbox where idempotency_key = :key")
                .param("key", mail.idempotencyKey()).query(ENTRIES).single();
        if (inserted.isPresent()) {
            log.info("Mail {} ({}) {}", entry.id(), entry.purpose(), held ? "held: no mail server is configured" : "queued");
        } else {
            log.debug("Mail with idempotency key {} is already in the outbox as {}", mail.idempotencyKey(), entry.id());
        }
        return entry;
    }

    /** The mail server as admins may know it. */
    public MailServer server() {
        return new MailServer(settings.configured(), settings.host(), settings.port(), settings.from());
    }

    /** Newest first, filtered. */
    @Transactional(readOnly = true)
    public Page<OutboxEntrySummary> list(StaffPrincipal actor, OutboxQuery query, Pageable pageable) {
        requireManageOutbox(actor);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.status() != null) {
            where.add("status = :status");
            params.put("status", query.status().name());
        }
        if (query.purpose() != null && !query.purpose().isBlank()) {
            where.add("purpose = :purpose");
            params.put("purpose", query.purpose().strip());
        }
        if (query.recipient() != null && !query.recipient().isBlank()) {
            where.add("lower(recipient_address || ' ' || coalesce(recipient_name, '')) like :recipient");
            params.put("recipient", contains(query.recipient()));
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from mail_outbox" + condition).params(params).query(Long.class).single();
        List<OutboxEntrySummary> rows = jdbc.sql("""
                        select id, purpose, recipient_address, recipient_name, subject, status, attempts,
                               next_attempt_at, sent_at, created_at
                        from mail_outbox""" + condition + " order by created_at desc, id desc limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(SUMMARIES)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** The purposes messages in the outbox have, for the filter. */
    @Transactional(readOnly = true)
    public List<String> purposes(StaffPrincipal actor) {
        requireManageOutbox(actor);
        // A loose index scan: one index probe per distinct purpose instead of reading every row.
        return jdbc.sql("""
                        with recursive found(purpose) as (
                            (select purpose from mail_outbox order by purpose limit 1)
                            union all
                            select (select m.purpose from mail_outbox m where m.purpose > found.purpose
                                    order by m.purpose limit 1)
                            from found where found.purpose is not null)
                        select purpose from found where purpose is not null limit :limit""")
                .param("limit", MAX_PURPOSES)
                .query(String.class)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<OutboxEntry> find(StaffPrincipal actor, OutboxEntryId id) {
        requireManageOutbox(actor);
        return jdbc.sql("select * from mail_outbox where id = :id").param("id", id.value()).query(ENTRIES).optional();
    }

    /**
     * Queues a held, failed or dead message for an attempt now, with a fresh count of attempts. A
     * message changed meanwhile (by a worker or another admin) is left alone.
     */
    @Transactional
    public OutboxEntry retryNow(StaffPrincipal actor, OutboxEntryId id, long expectedVersion) {
        requireManageOutbox(actor);
        OutboxEntry entry = find(actor, id).orElseThrow(() -> new OutboxException(Map.of("", "outbox.error.notFound")));
        if (entry.version() != expectedVersion) {
            throw new StaleVersionException("Outbox entry " + id);
        }
        if (!entry.status().retryable()) {
            throw new OutboxException(Map.of("", "outbox.error.notRetryable"));
        }
        if (!settings.configured()) {
            throw new OutboxException(Map.of("", "outbox.error.noServer"));
        }
        int updated = jdbc.sql("""
                        update mail_outbox set status = 'QUEUED', attempts = 0, next_attempt_at = :now, version = version + 1
                        where id = :id and version = :version and status in ('HELD', 'FAILED', 'DEAD')""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id.value())
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new StaleVersionException("Outbox entry " + id);
        }
        log.info("Staff user {} asked to send mail {} ({}, was {}) now", actor.id(), id, entry.purpose(), entry.status());
        return find(actor, id).orElseThrow();
    }

    /**
     * Queues a short message that shows whether mail reaches {@code address}: admins check their
     * SMTP settings with it, and without a mail server it shows what the outbox keeps.
     */
    @Transactional
    public OutboxEntry sendTestMessage(StaffPrincipal actor, String address, Locale locale) {
        requireManageOutbox(actor);
        if (!EmailAddress.isValid(address)) {
            throw new OutboxException(Map.of("address", "outbox.error.address"));
        }
        EmailAddress to = new EmailAddress(address);
        String organizationName = organizations.current().map(Organization::profile).map(p -> p.name()).orElse("Foyer");
        RenderedMail rendered = templates.render("test-message", Map.of("organizationName", organizationName,
                "senderName", actor.displayName(), "server", server()), locale);
        OutgoingMail mail;
        try {
            mail = OutgoingMail.of(TEST_MESSAGE_PURPOSE + ":" + Ids.newId(), to, null, rendered, TEST_MESSAGE_PURPOSE);
        } catch (IllegalArgumentException e) {
            throw new OutboxException(Map.of("address", "outbox.error.address"));
        }
        OutboxEntry entry = enqueue(mail);
        log.info("Staff user {} queued test message {}", actor.id(), entry.id());
        return entry;
    }

    /** A LIKE pattern that finds the text anywhere, with LIKE's wildcards taken literally. */
    static String contains(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
