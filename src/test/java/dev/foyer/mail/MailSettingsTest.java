package dev.foyer.mail;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 6: mail settings fail fast on what would lose or double-send mail, and backoff stays within bounds. */
class MailSettingsTest {

    @Test
    void withoutAHostNothingIsConfiguredAndNoSenderIsNeeded() {
        MailSettings settings = settings("", "", Duration.ofMinutes(5));
        assertThat(settings.configured()).isFalse();
    }

    @Test
    void aHostNeedsAValidSenderAndTheSenderKeepsItsName() {
        assertThatThrownBy(() -> settings("smtp.example.com", "", Duration.ofMinutes(5)))
                .hasMessageContaining("FOYER_MAIL_FROM");
        assertThatThrownBy(() -> settings("smtp.example.com", "not an address", Duration.ofMinutes(5)))
                .hasMessageContaining("FOYER_MAIL_FROM");
        MailSettings settings = settings("smtp.example.com", "Acme Portal <portal@acme.example>", Duration.ofMinutes(5));
        assertThat(settings.sender().getAddress()).isEqualTo("portal@acme.example");
        assertThat(settings.sender().getPersonal()).isEqualTo("Acme Portal");
    }

    @Test
    void aLeaseShorterThanOneSendCouldLetTwoWorkersSendTheSameMailAndIsRefused() {
        // 10 s to connect plus three 30 s exchanges: 100 s.
        assertThatThrownBy(() -> settings("", "", Duration.ofSeconds(100))).hasMessageContaining("lease");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(settings("smtp.example.com", "portal@acme.example", Duration.ofMinutes(5)).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void theBackoffDoublesPerAttemptWithJitterAndNeverExceedsTheMaximum() {
        MailDelivery delivery = new MailDelivery(null, null, settings("", "", Duration.ofMinutes(5)), null, null);
        for (int i = 0; i < 50; i++) {
            assertThat(delivery.backoff(1)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));
            assertThat(delivery.backoff(3)).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(4));
            assertThat(delivery.backoff(40)).isBetween(Duration.ofHours(3), Duration.ofHours(6));
        }
    }

    private static MailSettings settings(String host, String from, Duration lease) {
        return new MailSettings(host, 587, "user", "s3cret", true, false, from, Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(15), 20, lease, 8, Duration.ofMinutes(1), Duration.ofHours(6));
    }
}
