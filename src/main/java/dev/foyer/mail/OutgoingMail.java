package dev.foyer.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.foyer.identity.EmailAddress;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One message to put into the outbox.
 *
 * @param idempotencyKey names the message for good, e.g. {@code invitation:<portal user id>:<invitation id>}:
 *                       enqueueing the same key again returns the existing entry and queues nothing
 * @param to             the recipient's address
 * @param toName         the recipient's display name, or null
 * @param subject        one line
 * @param text           the plain-text body (always sent, and what admins read)
 * @param html           the HTML body, or null for a text-only message
 * @param purpose        what the message is for, e.g. {@code invitation}: lower-case letters, digits and dashes;
 *                       admins filter the outbox by it
 * @param notBefore      the message is not sent before this time, or null for now
 */
public record OutgoingMail(String idempotencyKey, EmailAddress to, String toName, String subject, String text,
                           String html, String purpose, Instant notBefore) {

    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_SUBJECT_LENGTH = 300;
    static final int MAX_BODY_LENGTH = 1_000_000;
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public OutgoingMail {
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey.strip();
        require(!idempotencyKey.isEmpty() && idempotencyKey.length() <= MAX_KEY_LENGTH && !hasControl(idempotencyKey),
                "The idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters without control characters");
        Objects.requireNonNull(to, "to");
        require(strictlyValid(to), "Not a deliverable e-mail address: " + to);
        toName = toName == null || toName.isBlank() ? null : toName.strip();
        // A line break in a header would let text become headers of its own.
        require(toName == null || (toName.length() <= MAX_NAME_LENGTH && !hasControl(toName)),
                "The recipient's name must be at most " + MAX_NAME_LENGTH + " characters on one line");
        subject = subject == null ? "" : subject.strip();
        require(!subject.isEmpty() && subject.length() <= MAX_SUBJECT_LENGTH && !hasControl(subject),
                "The subject must be 1 to " + MAX_SUBJECT_LENGTH + " characters on one line");
        require(text != null && !text.isBlank() && text.length() <= MAX_BODY_LENGTH, "The text body must not be empty");
        html = html == null || html.isBlank() ? null : html;
        require(html == null || html.length() <= MAX_BODY_LENGTH, "The HTML body is too long");
        require(purpose != null && PURPOSE.matcher(purpose).matches(),
                "The purpose must be lower-case letters, digits and dashes, e.g. invitation");
    }

    /** A message sent as soon as a worker gets to it, with the subject and bodies a template rendered. */
    public static OutgoingMail of(String idempotencyKey, EmailAddress to, String toName, RenderedMail rendered,
                                  String purpose) {
        return new OutgoingMail(idempotencyKey, to, toName, rendered.subject(), rendered.text(), rendered.html(),
                purpose, null);
    }

    /** The same message, not sent before the given time. */
    public OutgoingMail notBefore(Instant time) {
        return new OutgoingMail(idempotencyKey, to, toName, subject, text, html, purpose, time);
    }

    private static boolean strictlyValid(EmailAddress address) {
        try {
            new InternetAddress(address.value(), true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
