package dev.foyer.tickets;

import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.ActivityActor;
import dev.foyer.portal.ActivityKind;
import dev.foyer.portal.RecordActivities;
import dev.foyer.portal.RecordActivity;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import dev.foyer.shared.RichText;
import org.springframework.stereotype.Component;

/**
 * EXP-7: staff writes that a ticket's portal members may see — a status change, a comment shown on
 * the portal — append to the activity log in the same transaction; notifications fan out from it.
 * Internal notes leave no trace here.
 */
@Component
class TicketActivities {

    private final RecordActivities activities;

    TicketActivities(RecordActivities activities) {
        this.activities = activities;
    }

    void statusChanged(StaffPrincipal actor, Ticket ticket) {
        UUID id = ticket.id().value();
        activities.record(new RecordActivity(actor(actor), ActivityKind.STATUS_CHANGED, RecordRef.of(RecordKind.TICKET, id),
                null, ticket.status().name()));
    }

    void comment(StaffPrincipal actor, ActivityKind kind, TicketComment comment) {
        if (!comment.shared()) {
            return;
        }
        activities.record(new RecordActivity(actor(actor), kind, RecordRef.of(RecordKind.TICKET_COMMENT, comment.id().value()),
                RecordRef.of(RecordKind.TICKET, comment.ticketId().value()), RichText.plainText(comment.body())));
    }

    /**
     * The same for a write through the REST API, recorded for the token's creator (as its history is);
     * a token whose creator is gone names no staff user, so its writes leave no activity.
     */
    void comment(dev.foyer.audit.RecordWriter writer, ActivityKind kind, TicketComment comment) {
        if (!comment.shared() || writer.staffId() == null) {
            return;
        }
        activities.record(new RecordActivity(ActivityActor.staff(writer.staffId(), writer.author().name()), kind,
                RecordRef.of(RecordKind.TICKET_COMMENT, comment.id().value()),
                RecordRef.of(RecordKind.TICKET, comment.ticketId().value()), RichText.plainText(comment.body())));
    }

    private static ActivityActor actor(StaffPrincipal actor) {
        return ActivityActor.staff(actor.id().value(), actor.displayName());
    }
}
