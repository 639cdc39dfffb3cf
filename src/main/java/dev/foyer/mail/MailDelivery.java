package dev.foyer.mail;

import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in the outbox (ADR 006). Each message is claimed in a short transaction with
 * {@code FOR UPDATE SKIP LOCKED} (so any number of nodes and threads may run this at once) and
 * marked SENDING under a lease; then it is sent with its stable Message-ID, outside any
 * transaction; then marked SENT, or FAILED with exponential backoff and jitter, or DEAD after
 * {@code foyer.mail.max-attempts}. A message whose lease ran out (its worker died) is due again.
 * The scheduler calls {@link #runOnce()} every {@code foyer.mail.poll-interval}; tests call it directly.
 */
@Component
public class MailDelivery {

    static final int MAX_ERROR_LENGTH = 1000;
    static final String ABANDONED = "The worker sending this message stopped before it finished (its lease ran out).";

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final JavaMailSenderImpl sender;
    private final TransactionTemplate transaction;

    MailDelivery(JdbcClient jdbc, Clock clock, MailSettings settings, JavaMailSenderImpl sender,
                 PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.sender = sender;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one run did. */
    public record Run(int sent, int failed) {
        public int attempted() {
            return sent + failed;
        }
    }

    /**
     * Sends up to {@code foyer.mail.batch-size} due messages, one claim at a time, so each lease
     * starts right before its own send. Does nothing without a configured mail server.
     */
    public Run runOnce() {
        if (!settings.configured()) {
            return new Run(0, 0);
        }
        int sent = 0;
        int failed = 0;
        for (int i = 0; i < settings.batchSize(); i++) {
            Optional<Claim> claim = claimNext();
            if (claim.isEmpty()) {
                break;
            }
            if (deliver(claim.get())) {
                sent++;
            } else {
                failed++;
            }
        }
        if (sent + failed > 0) {
            log.info("Mail delivery: {} sent, {} failed", sent, failed);
        }
        return new Run(sent, failed);
    }

    /** A message claimed for sending: the entry as claimed, and the token the claim holds it under. */
    record Claim(OutboxEntry entry, UUID token) {
    }

    /**
     * Claims the message that has been due longest, if any, under a fresh lease. Messages whose
     * lease ran out on their last allowed attempt are marked DEAD first.
     */
    Optional<Claim> claimNext() {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        return transaction.execute(status -> {
            jdbc.sql("""
                            update mail_outbox set status = 'DEAD', next_attempt_at = null, claim_token = null,
                                   last_error = :error, version = version + 1
                            where id in (select id from mail_outbox
                                         where status = 'SENDING' and next_attempt_at <= :now and attempts >= :max
                                         order by next_attempt_at limit 100 for update skip locked)""")
                    .param("error", ABANDONED).param("now", Timestamp.from(now)).param("max", settings.maxAttempts())
                    .update();
            return jdbc.sql("""
                            update mail_outbox m
                            set status = 'SENDING', attempts = m.attempts + 1, last_attempt_at = :now,
                                next_attempt_at = :leaseEnd, claim_token = :token, version = m.version + 1
                            where m.id = (select id from mail_outbox
                                          where status in ('QUEUED', 'FAILED', 'SENDING') and next_attempt_at <= :now
                                            and (status <> 'SENDING' or attempts < :max)
                                          order by next_attempt_at, id limit 1
                                          for update skip locked)
                            returning m.*""")
                    .param("now", Timestamp.from(now))
                    .param("leaseEnd", Timestamp.from(now.plus(settings.lease())))
                    .param("token", token)
                    .param("max", settings.maxAttempts())
                    .query(Outbox.ENTRIES)
                    .optional()
                    .map(entry -> new Claim(entry, token));
        });
    }

    private boolean deliver(Claim claim) {
        OutboxEntry entry = claim.entry();
        try {
            sender.send(compose(entry));
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            markFailed(claim, e);
            return false;
        }
        // Past this point the message is out; should marking it fail, it is sent again once the lease ends (ADR 006).
        int updated = jdbc.sql("""
                        update mail_outbox set status = 'SENT', sent_at = :now, next_attempt_at = null, claim_token = null,
                               last_error = null, version = version + 1
                        where id = :id and claim_token = :token""")
                .param("now", Timestamp.from(clock.instant())).param("id", entry.id().value()).param("token", claim.token())
                .update();
        if (updated == 0) {
            log.warn("Mail {} was sent after its lease ran out; another attempt may have sent it too", entry.id());
        }
        return true;
    }

    private void markFailed(Claim claim, Exception problem) {
        OutboxEntry entry = claim.entry();
        Instant now = clock.instant();
        boolean dead = entry.attempts() >= settings.maxAttempts();
        Instant next = dead ? null : now.plus(backoff(entry.attempts()));
        String error = describe(problem);
        jdbc.sql("""
                        update mail_outbox set status = :status, next_attempt_at = :next, last_error = :error,
                               claim_token = null, version = version + 1
                        where id = :id and claim_token = :token""")
                .param("status", (dead ? OutboxStatus.DEAD : OutboxStatus.FAILED).name())
                .param("next", Outbox.timestamp(next))
                .param("error", error)
                .param("id", entry.id().value())
                .param("token", claim.token())
                .update();
        if (dead) {
            log.warn("Mail {} ({}) failed for good after {} attempts: {}", entry.id(), entry.purpose(), entry.attempts(), error);
        } else {
            log.info("Mail {} ({}) failed on attempt {}, next at {}: {}", entry.id(), entry.purpose(), entry.attempts(),
                    next, error);
        }
    }

    /**
     * The wait after the given failed attempt: the initial backoff doubled per attempt, at most the
     * maximum, then a random part of its second half cut off ("equal jitter"), so messages that
     * failed together do not all come back at once.
     */
    Duration backoff(int attempt) {
        Duration base = settings.initialBackoff();
        for (int i = 1; i < attempt && base.compareTo(settings.maxBackoff()) < 0; i++) {
            base = base.multipliedBy(2);
        }
        if (base.compareTo(settings.maxBackoff()) > 0) {
            base = settings.maxBackoff();
        }
        long half = base.toMillis() / 2;
        return Duration.ofMillis(base.toMillis() - half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private MimeMessage compose(OutboxEntry entry) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new StableIdMimeMessage(sender.getSession(), entry.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, entry.hasHtml(), "UTF-8");
        helper.setFrom(settings.sender());
        helper.setTo(new InternetAddress(entry.recipientAddress(), entry.recipientName(), "UTF-8"));
        helper.setSubject(entry.subject());
        if (entry.hasHtml()) {
            helper.setText(entry.textBody(), entry.htmlBody());
        } else {
            helper.setText(entry.textBody());
        }
        helper.setSentDate(Date.from(clock.instant()));
        // RFC 3834: automatic replies (out-of-office) should not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    static String describe(Exception problem) {
        StringBuilder text = new StringBuilder(problem.getClass().getSimpleName());
        if (problem.getMessage() != null) {
            text.append(": ").append(problem.getMessage());
        }
        Throwable root = problem;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != problem && root.getMessage() != null && !text.toString().contains(root.getMessage())) {
            text.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
        }
        String described = text.toString().strip();
        return described.length() <= MAX_ERROR_LENGTH ? described : described.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    /** A MimeMessage that keeps the Message-ID it was given instead of generating one when saved. */
    static final class StableIdMimeMessage extends MimeMessage {
        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
