package dev.foyer.mail;

/** The admins' outbox filter: each part may be null for "any". {@code recipient} finds address or name text. */
public record OutboxQuery(OutboxStatus status, String purpose, String recipient) {

    public static OutboxQuery all() {
        return new OutboxQuery(null, null, null);
    }
}
