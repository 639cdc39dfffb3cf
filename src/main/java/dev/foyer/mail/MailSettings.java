package dev.foyer.mail;

import java.io.UnsupportedEncodingException;
import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * foyer.mail.* (README, configuration): the SMTP server (none by default: then nothing is sent and
 * admins read the outbox), the sender, and how the delivery worker polls and retries.
 */
@ConfigurationProperties("foyer.mail")
record MailSettings(String host, int port, String username, String password, boolean starttls, boolean ssl,
                    String from, Duration connectionTimeout, Duration timeout, Duration pollInterval, int batchSize,
                    Duration lease, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    MailSettings {
        host = host == null ? "" : host.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        from = from == null ? "" : from.strip();
        require(port > 0 && port < 65536, "foyer.mail.port must be a TCP port");
        require(batchSize > 0, "foyer.mail.batch-size must be positive");
        require(maxAttempts > 0, "foyer.mail.max-attempts must be positive");
        require(positive(connectionTimeout) && positive(timeout), "foyer.mail timeouts must be positive");
        require(positive(pollInterval) && positive(initialBackoff) && positive(maxBackoff),
                "foyer.mail.poll-interval and the backoffs must be positive");
        require(maxBackoff.compareTo(initialBackoff) >= 0, "foyer.mail.max-backoff must not be below initial-backoff");
        // One send may take a connection timeout plus a timeout for each of a few SMTP exchanges; a lease shorter
        // than that would let a second worker take a message the first is still sending.
        require(positive(lease) && lease.compareTo(connectionTimeout.plus(timeout.multipliedBy(3))) > 0,
                "foyer.mail.lease must be longer than the connection timeout plus three timeouts");
        if (!host.isEmpty()) {
            require(!from.isEmpty(), "FOYER_MAIL_FROM (foyer.mail.from) must name the sender when FOYER_MAIL_HOST is set");
            sender(from);
        }
        require(!(starttls && ssl), "foyer.mail.starttls and foyer.mail.ssl exclude each other");
    }

    /** Whether an SMTP server is configured; without one the outbox holds every message. */
    boolean configured() {
        return !host.isEmpty();
    }

    /** The From address, parsed: "Name <address>" or a bare address. */
    InternetAddress sender() {
        return sender(from);
    }

    private static InternetAddress sender(String from) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(from, true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException("FOYER_MAIL_FROM must name one sender, e.g. Acme Portal <portal@acme.example>");
            }
            InternetAddress address = parsed[0];
            address.validate();
            return address.getPersonal() == null ? address
                    : new InternetAddress(address.getAddress(), address.getPersonal(), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("FOYER_MAIL_FROM is not an e-mail address: " + from, e);
        }
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        // Never print the password.
        return "MailSettings[host=" + host + ", port=" + port + ", from=" + from + "]";
    }
}
