package dev.foyer.projects;

import dev.foyer.audit.RecordWriter;
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
 * EXP-7: staff writes that portal users may see — an item shared or added shared, a shared comment —
 * append to the activity log in the same transaction; notifications fan out from it. Items that are
 * not shown on the portal leave no trace here (nothing for a portal user to hear about).
 */
@Component
class ProjectActivities {

    private final RecordActivities activities;

    ProjectActivities(RecordActivities activities) {
        this.activities = activities;
    }

    void staff(StaffPrincipal actor, ActivityKind kind, ProjectItem item) {
        record(ActivityActor.staff(actor.id().value(), actor.displayName()), kind, item);
    }

    /**
     * The same for a write through the REST API, recorded for the token's creator (as its history is);
     * a token whose creator is gone names no staff user, so its writes leave no activity.
     */
    void written(RecordWriter writer, ActivityKind kind, ProjectItem item) {
        if (writer.staffId() != null) {
            record(ActivityActor.staff(writer.staffId(), writer.author().name()), kind, item);
        }
    }

    private void record(ActivityActor actor, ActivityKind kind, ProjectItem item) {
        if (!item.shared()) {
            return;
        }
        RecordKind recordKind = switch (item.kind()) {
            case TASK_LIST -> RecordKind.TASK_LIST;
            case TASK -> RecordKind.TASK;
            case MILESTONE -> RecordKind.MILESTONE;
            case UPDATE -> RecordKind.UPDATE;
            case DOCUMENT -> RecordKind.DOCUMENT;
            case EVENT -> RecordKind.EVENT;
            case COMMENT -> RecordKind.PROJECT_COMMENT;
        };
        String summary = item instanceof ProjectComment comment ? RichText.plainText(comment.body()) : item.label();
        activities.record(new RecordActivity(actor, kind,
                RecordRef.of(recordKind, item.uuid()), RecordRef.of(RecordKind.PROJECT, item.projectId().value()),
                summary));
    }
}
