package dev.foyer.portal;

import java.time.OffsetDateTime;

/**
 * EXP-7: one notification as its portal user may see it right now. {@code withinTitle} names the
 * project, ticket or document it belongs to and {@code summary} is the activity's excerpt; either is
 * null when the user type hides the field it shows (ACC-8). Only read through
 * {@link PortalReads#notifications}, so a notification about a record the user no longer sees is
 * never built (ACC-9, ACC-10).
 */
public record PortalNotification(long id, long activityId, OffsetDateTime occurredAt, ActivityKind kind,
                                 String actorName, boolean byPortalUser, RecordRef record, RecordRef within,
                                 String withinTitle, String summary, boolean read) {
}
