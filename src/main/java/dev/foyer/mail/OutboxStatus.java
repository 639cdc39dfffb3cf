package dev.foyer.mail;

/** Where a message in the outbox stands (ADR 006). */
public enum OutboxStatus {
    /** Queued while no mail server was configured: kept for admins to read, sent only if an admin asks. */
    HELD,
    /** Waiting for its first attempt (or for its "not before" time). */
    QUEUED,
    /** Claimed by a worker that is sending it now, under a lease; retried if the lease runs out. */
    SENDING,
    SENT,
    /** The last attempt failed; the next one is scheduled with backoff. */
    FAILED,
    /** Every attempt failed; only an admin's "retry now" sends it again. */
    DEAD;

    /** An admin may ask for another attempt now. */
    public boolean retryable() {
        return this == HELD || this == FAILED || this == DEAD;
    }
}
