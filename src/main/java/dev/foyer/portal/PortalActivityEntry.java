package dev.foyer.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * One action of a portal user as the staff feed shows it (EXP-9): who (the name as it was, their
 * company and portal as they are now), what, on which record, inside which project, ticket or
 * financial document ({@code withinName} null when that record is gone), when, and the summary.
 */
public record PortalActivityEntry(long id, Instant occurredAt, PortalUserId portalUserId, String actorName,
                                  String companyName, String portalName, ActivityKind kind, RecordKind recordKind,
                                  UUID recordId, RecordKind withinKind, UUID withinId, String withinName,
                                  String summary) {

    /** The staff page of the record the action belongs to, or null when there is none (or it is gone). */
    public String withinPath() {
        if (withinName == null) {
            return null;
        }
        return switch (withinKind) {
            case PROJECT -> "/projects/" + withinId;
            case TICKET -> "/tickets/" + withinId;
            case FINANCE_DOCUMENT -> "/finance/" + withinId;
            default -> null;
        };
    }
}
