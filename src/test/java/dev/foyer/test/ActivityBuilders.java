package dev.foyer.test;

import java.util.UUID;

import dev.foyer.portal.ActivityActor;
import dev.foyer.portal.ActivityKind;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.RecordActivities;
import dev.foyer.portal.RecordActivity;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activities recorded straight through {@link RecordActivities} (EXP-9), as the portal's writes
 * will record them, for tests of the staff feed before every write path exists.
 */
public final class ActivityBuilders {

    private ActivityBuilders() {
    }

    public static ActivityBuilder anActivity() {
        return new ActivityBuilder();
    }

    public static final class ActivityBuilder {
        private ActivityActor actor;
        private ActivityKind kind = ActivityKind.COMMENTED;
        private RecordRef record;
        private RecordRef within;
        private String summary = "";

        public ActivityBuilder by(PortalUser user, String name) {
            this.actor = ActivityActor.portalUser(user.id(), name);
            return this;
        }

        public ActivityBuilder byStaff(UUID staffUserId, String name) {
            this.actor = ActivityActor.staff(staffUserId, name);
            return this;
        }

        public ActivityBuilder did(ActivityKind kind) {
            this.kind = kind;
            return this;
        }

        /** What was acted on: a new id of that kind (a comment, a file) unless {@link #onRecord} names one. */
        public ActivityBuilder on(RecordKind kind) {
            this.record = RecordRef.of(kind, UUID.randomUUID());
            return this;
        }

        public ActivityBuilder onRecord(RecordKind kind, UUID id) {
            this.record = RecordRef.of(kind, id);
            return this;
        }

        public ActivityBuilder within(RecordKind kind, UUID id) {
            this.within = RecordRef.of(kind, id);
            return this;
        }

        public ActivityBuilder saying(String summary) {
            this.summary = summary;
            return this;
        }

        /** Records it in a transaction of its own; returns its id. */
        public long recordedBy(RecordActivities activities, TransactionTemplate transactions) {
            RecordRef acted = record != null ? record : within;
            RecordActivity activity = new RecordActivity(actor, kind, acted, within, summary);
            return transactions.execute(status -> activities.record(activity));
        }
    }
}
