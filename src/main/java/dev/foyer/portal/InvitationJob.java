package dev.foyer.portal;

import java.time.Instant;
import java.util.UUID;

/** A bulk invitation as its page shows it (LIF-3): progress, and at the end "N sent, M failed". */
public record InvitationJob(UUID id, PortalId portalId, String portalName, String userTypeName, int total, int sent,
                            int failed, Instant createdAt, Instant finishedAt) {

    public int processed() {
        return sent + failed;
    }

    public boolean finished() {
        return finishedAt != null;
    }

    /** Progress in whole percent, for the progress bar. */
    public int percent() {
        return total == 0 ? 100 : (int) (100L * processed() / total);
    }

    /** One contact that got no invitation, with the reason. */
    public record Failure(UUID contactId, String contactName, InvitationFailure reason) {
    }
}
