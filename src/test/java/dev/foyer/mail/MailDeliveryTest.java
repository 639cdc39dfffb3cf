package dev.foyer.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.foyer.identity.EmailAddress;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.test.MutableClock;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 6: every e-mail goes through the durable outbox and reaches a real SMTP server (GreenMail)
 * exactly once — committed or not, retried with backoff while the server is down, picked up
 * again when a worker dies, and never twice when workers race. The worker is driven by
 * {@link MailDelivery#runOnce()} and the test clock, never by waiting.
 */
@FoyerWebTest
class MailDeliveryTest {

    private static final int SMTP_PORT = freePort();
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration INITIAL_BACKOFF = Duration.ofMinutes(1);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("foyer.mail.host", () -> "127.0.0.1");
        registry.add("foyer.mail.port", () -> SMTP_PORT);
        registry.add("foyer.mail.starttls", () -> false);
        registry.add("foyer.mail.from", () -> "Foyer Test Org <portal@foyer.test>");
        registry.add("foyer.mail.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("foyer.mail.initial-backoff", () -> INITIAL_BACKOFF.toString());
        registry.add("foyer.mail.max-backoff", () -> "PT10M");
        registry.add("foyer.mail.lease", () -> LEASE.toString());
        registry.add("foyer.mail.batch-size", () -> 5);
    }

    @Autowired
    Outbox outbox;
    @Autowired
    MailDelivery delivery;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts staffAccounts;

    @BeforeEach
    void emptyOutboxAndMailboxes() throws Exception {
        // Each test starts from an empty outbox, so one test's retries never come due in another.
        jdbc.sql("delete from mail_outbox").update();
        if (!smtp.isRunning()) {
            smtp = startSmtp();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aMailEnqueuedInACommittedTransactionIsDeliveredOnceWithItsStableMessageId() throws Exception {
        OutboxEntry entry = transaction.execute(status -> outbox.enqueue(new OutgoingMail("invitation:42",
                new EmailAddress("Casey@Example.com"), "Casey Contact", "You are invited to Acme's portal",
                "Accept here: https://portal.example.com/i/42", "<p>Accept <a href=\"https://portal.example.com/i/42\">here</a></p>",
                "invitation", null)));
        assertThat(entry.status()).isEqualTo(OutboxStatus.QUEUED);

        assertThat(delivery.runOnce().sent()).isEqualTo(1);
        assertThat(delivery.runOnce().attempted()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("You are invited to Acme's portal");
        assertThat(message.getMessageID()).isEqualTo(entry.messageId()).startsWith("<foyer.").endsWith("@localhost>");
        assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("Casey Contact");
        assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo("casey@example.com");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("portal@foyer.test");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Foyer Test Org");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String raw = GreenMailUtil.getWholeMessage(message);
        assertThat(raw).contains("multipart/alternative").contains("https://portal.example.com/i/42").contains("<a href=");

        OutboxEntry sent = reload(entry);
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        // The test clock stands still; PostgreSQL keeps microseconds.
        assertThat(sent.sentAt()).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));
        assertThat(sent.nextAttemptAt()).isNull();
    }

    @Test
    void aMailEnqueuedInARolledBackTransactionNeverExistsAndIsNeverSent() {
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(mail("rolled-back", "nobody@example.com"));
            status.setRollbackOnly();
        });

        assertThat(count()).isZero();
        assertThat(delivery.runOnce().attempted()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyTwiceMakesOneEntryAndOneMailEvenAfterItWasSent() {
        OutboxEntry first = outbox.enqueue(mail("bulk:7:contact-1", "one@example.com"));
        OutboxEntry again = outbox.enqueue(new OutgoingMail("bulk:7:contact-1", new EmailAddress("other@example.com"),
                null, "A different subject", "A different body", null, "invitation", null));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.recipientAddress()).isEqualTo("one@example.com");
        assertThat(count()).isEqualTo(1);

        delivery.runOnce();
        OutboxEntry afterSending = outbox.enqueue(mail("bulk:7:contact-1", "one@example.com"));
        assertThat(afterSending.id()).isEqualTo(first.id());
        assertThat(afterSending.status()).isEqualTo(OutboxStatus.SENT);
        delivery.runOnce();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void whileTheMailServerIsDownAMailIsRetriedWithBackoffAndDeliveredWhenItIsBack() {
        OutboxEntry entry = outbox.enqueue(mail("down-then-up", "patient@example.com"));
        smtp.stop();

        Instant failedAt = clock.instant();
        assertThat(delivery.runOnce().failed()).isEqualTo(1);
        OutboxEntry failed = reload(entry);
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank().hasSizeLessThanOrEqualTo(MailDelivery.MAX_ERROR_LENGTH);
        // Equal jitter: somewhere in the second half of the first backoff.
        assertThat(failed.nextAttemptAt()).isBetween(failedAt.plus(INITIAL_BACKOFF.dividedBy(2)), failedAt.plus(INITIAL_BACKOFF));

        assertThat(delivery.runOnce().attempted()).as("not due before its backoff ends").isZero();
        clock.advance(INITIAL_BACKOFF);
        Instant secondFailureAt = clock.instant();
        assertThat(delivery.runOnce().failed()).isEqualTo(1);
        OutboxEntry failedTwice = reload(entry);
        assertThat(failedTwice.attempts()).isEqualTo(2);
        // The second wait is twice the first.
        assertThat(failedTwice.nextAttemptAt()).isBetween(secondFailureAt.plus(INITIAL_BACKOFF),
                secondFailureAt.plus(INITIAL_BACKOFF.multipliedBy(2)));

        smtp = startSmtp();
        clock.advance(INITIAL_BACKOFF.multipliedBy(2));
        assertThat(delivery.runOnce().sent()).isEqualTo(1);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        OutboxEntry sent = reload(entry);
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void aMailWhoseWorkerDiedAfterClaimingItIsSentOnceItsLeaseRunsOut() {
        OutboxEntry entry = outbox.enqueue(mail("abandoned", "waiting@example.com"));
        // A worker claims it and dies before sending: the row stays SENDING under its lease.
        assertThat(delivery.claimNext()).isPresent();
        assertThat(reload(entry).status()).isEqualTo(OutboxStatus.SENDING);

        assertThat(delivery.runOnce().attempted()).as("still leased").isZero();
        clock.advance(LEASE.minusSeconds(1));
        assertThat(delivery.runOnce().attempted()).as("still leased").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(delivery.runOnce().sent()).isEqualTo(1);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        OutboxEntry sent = reload(entry);
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void twoWorkersRacingSendEveryMailExactlyOnce() throws Exception {
        int mails = 24;
        for (int i = 0; i < mails; i++) {
            outbox.enqueue(mail("race:" + i, "racer" + i + "@example.com"));
        }
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> worker = () -> {
            start.await();
            int sent = 0;
            MailDelivery.Run run;
            do {
                run = delivery.runOnce();
                sent += run.sent();
            } while (run.attempted() > 0);
            return sent;
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>(List.of(threads.submit(worker), threads.submit(worker)));
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(2, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(mails);
        } finally {
            threads.shutdownNow();
        }

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(mails);
        assertThat(Arrays.stream(received).map(MailDeliveryTest::messageId).distinct()).hasSize(mails);
        assertThat(jdbc.sql("select count(*) from mail_outbox where status = 'SENT' and attempts = 1")
                .query(Long.class).single()).isEqualTo(mails);
    }

    @Test
    void aMailNotToBeSentBeforeALaterTimeWaitsForIt() {
        OutboxEntry entry = outbox.enqueue(mail("later", "later@example.com").notBefore(clock.instant().plus(Duration.ofHours(1))));
        assertThat(delivery.runOnce().attempted()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(delivery.runOnce().sent()).isEqualTo(1);
        assertThat(reload(entry).status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void afterItsLastAttemptAMailIsDeadShownAsFailedAndAnAdminCanRetryIt() throws Exception {
        OutboxEntry entry = outbox.enqueue(mail("doomed", "doomed@example.com"));
        smtp.stop();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            assertThat(delivery.runOnce().failed()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(10));
        }
        OutboxEntry dead = reload(entry);
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(dead.nextAttemptAt()).isNull();
        assertThat(delivery.runOnce().attempted()).as("dead mails are not retried by themselves").isZero();

        StaffPrincipal admin = Admins.testAdmin(jdbc);
        mvc.perform(get("/settings/outbox").param("status", "DEAD").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("doomed@example.com")))
                .andExpect(content().string(containsString("Failed")));
        mvc.perform(get("/settings/outbox/" + entry.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Every attempt failed")))
                .andExpect(content().string(containsString(dead.lastError().substring(0, 20))))
                .andExpect(content().string(containsString("E-mails are sent through 127.0.0.1")))
                .andExpect(content().string(containsString("Retry now")));

        // A retry carrying an older version changes nothing.
        mvc.perform(post("/settings/outbox/" + entry.id() + "/retry").param("version", String.valueOf(dead.version() - 1))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("stale"));
        assertThat(reload(entry).status()).isEqualTo(OutboxStatus.DEAD);

        // A member may not retry, and nothing changes.
        var member = aStaffUser().withRole(StaffRole.MEMBER).createdBy(staffAccounts, admin);
        mvc.perform(post("/settings/outbox/" + entry.id() + "/retry").param("version", String.valueOf(dead.version()))
                        .with(user(new StaffPrincipal(member.id(), member.email(), member.displayName(), StaffRole.MEMBER, null)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(reload(entry).status()).isEqualTo(OutboxStatus.DEAD);

        mvc.perform(post("/settings/outbox/" + entry.id() + "/retry").param("version", String.valueOf(dead.version()))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("retried"));
        OutboxEntry queued = reload(entry);
        assertThat(queued.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(queued.attempts()).isZero();

        smtp = startSmtp();
        assertThat(delivery.runOnce().sent()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(reload(entry).status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void anAdminsTestMessageGoesOutThroughTheConfiguredServer() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        mvc.perform(post("/settings/outbox/test").param("address", "checker@example.com").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(delivery.runOnce().sent()).isEqualTo(1);
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Test e-mail from Foyer Test Org");
        assertThat(GreenMailUtil.getWholeMessage(message)).contains("It was sent through the mail server 127.0.0.1.");
    }

    private static OutgoingMail mail(String key, String to) {
        return new OutgoingMail(key, new EmailAddress(to), null, "Subject " + key, "Text of " + key, null, "invitation", null);
    }

    private OutboxEntry reload(OutboxEntry entry) {
        return outbox.find(Admins.testAdmin(jdbc), entry.id()).orElseThrow();
    }

    private long count() {
        return jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
