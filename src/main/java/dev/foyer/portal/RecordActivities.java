package dev.foyer.portal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of what happened to records a portal can show (EXP-7, EXP-9). Every write that portal
 * users or staff make to such a record calls {@link #record} inside its own transaction, so the
 * action and its trace commit together or not at all ("nothing is lost"). The staff feed and portal
 * notifications read this log; neither trusts it for visibility, which is decided again by
 * {@link PortalReads} when anything reaches a portal user.
 */
@Service
public class RecordActivities {

    private final JdbcClient jdbc;
    private final Clock clock;

    RecordActivities(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends the activity in the caller's transaction; returns its id (ids grow with time). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(RecordActivity activity) {
        ActivityActor actor = activity.actor();
        return jdbc.sql("""
                        insert into record_activity (occurred_at, staff_user_id, portal_user_id, actor_name, kind,
                                                     record_kind, record_id, within_kind, within_id, summary)
                        values (:at, :staff, :portal, :name, :kind, :recordKind, :recordId, :withinKind, :withinId, :summary)
                        returning id""")
                .param("at", OffsetDateTime.now(clock))
                .param("staff", actor.staffUserId())
                .param("portal", actor.portalUserId() == null ? null : actor.portalUserId().value())
                .param("name", actor.name())
                .param("kind", activity.kind().name())
                .param("recordKind", activity.record().kind().name())
                .param("recordId", activity.record().id())
                .param("withinKind", activity.within().kind().name())
                .param("withinId", activity.within().id())
                .param("summary", activity.summary())
                .query(Long.class).single();
    }
}
