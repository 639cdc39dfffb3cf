package dev.foyer.mail;

import java.time.Instant;

/** A line of the admins' outbox list: no bodies. */
public record OutboxEntrySummary(OutboxEntryId id, String purpose, String recipientAddress, String recipientName,
                                 String subject, OutboxStatus status, int attempts, Instant nextAttemptAt,
                                 Instant sentAt, Instant createdAt) {
}
