package dev.foyer.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.portal.NotificationAudience;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.PortalUserId;
import dev.foyer.portal.RecordKind;
import dev.foyer.portal.RecordRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * EXP-7's worker, run on every node ({@link NotificationSchedule}; tests call {@link #run}). Two steps,
 * each one short transaction per row claimed with {@code FOR UPDATE SKIP LOCKED}, so nodes never
 * take the same row and a crash leaves the row to the next run:
 * <ol>
 *   <li>fan-out: an activity not yet handled becomes one notification per portal user who sees its
 *   record now ({@link NotificationAudience}); the unique (user, activity) pair makes a repeat a no-op;</li>
 *   <li>immediate e-mail: a notification not yet handled is mailed when its user chose "immediately"
 *   and still sees it (read again through {@link PortalReads}); otherwise it is only marked handled.</li>
 * </ol>
 */
@Component
public class NotificationWorker {

    private final JdbcClient jdbc;
    private final NotificationAudience audience;
    private final PortalReads reads;
    private final NotificationMails mails;
    private final Clock clock;
    private final TransactionTemplate transactions;

    NotificationWorker(JdbcClient jdbc, NotificationAudience audience, PortalReads reads, NotificationMails mails,
                       Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.audience = audience;
        this.reads = reads;
        this.mails = mails;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Fans out and mails up to {@code batchSize} rows each; answers how many rows were handled. */
    public int run(int batchSize) {
        int handled = 0;
        for (int i = 0; i < batchSize && Boolean.TRUE.equals(transactions.execute(s -> fanOutOne())); i++) {
            handled++;
        }
        for (int i = 0; i < batchSize && Boolean.TRUE.equals(transactions.execute(s -> mailOne())); i++) {
            handled++;
        }
        return handled;
    }

    private boolean fanOutOne() {
        Optional<Activity> claimed = jdbc.sql("""
                        select id, record_kind, record_id, within_kind, within_id, portal_user_id from record_activity
                        where notified_at is null order by id limit 1 for update skip locked""")
                .query((rs, n) -> new Activity(rs.getLong("id"),
                        RecordRef.of(RecordKind.valueOf(rs.getString("record_kind")), rs.getObject("record_id", UUID.class)),
                        RecordRef.of(RecordKind.valueOf(rs.getString("within_kind")), rs.getObject("within_id", UUID.class)),
                        rs.getObject("portal_user_id", UUID.class)))
                .optional();
        if (claimed.isEmpty()) {
            return false;
        }
        Activity activity = claimed.get();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<PortalUserId> users = audience.of(activity.record(), activity.within(),
                activity.actor() == null ? null : new PortalUserId(activity.actor()));
        if (!users.isEmpty()) {
            jdbc.sql("""
                            insert into portal_notification (portal_user_id, activity_id, created_at)
                            select u, :activity, :now from unnest(cast(:users as uuid[])) as u
                            on conflict (portal_user_id, activity_id) do nothing""")
                    .param("activity", activity.id()).param("now", now)
                    .param("users", users.stream().map(u -> u.value().toString()).toArray(String[]::new))
                    .update();
        }
        jdbc.sql("update record_activity set notified_at = :now where id = :id")
                .param("now", now).param("id", activity.id()).update();
        return true;
    }

    private boolean mailOne() {
        Optional<Pending> claimed = jdbc.sql("""
                        select n.id, n.portal_user_id, n.read_at is not null as read,
                               coalesce((select s.email from portal_notification_setting s
                                         where s.portal_user_id = n.portal_user_id), :default) as email
                        from portal_notification n where n.emailed_at is null
                        order by n.id limit 1 for update of n skip locked""")
                .param("default", NotificationEmail.DEFAULT.name())
                .query((rs, n) -> new Pending(rs.getLong("id"), new PortalUserId(rs.getObject("portal_user_id", UUID.class)),
                        rs.getBoolean("read"), NotificationEmail.valueOf(rs.getString("email"))))
                .optional();
        if (claimed.isEmpty()) {
            return false;
        }
        Pending pending = claimed.get();
        if (pending.email() == NotificationEmail.IMMEDIATE && !pending.read()) {
            // Read again now: unshared since the fan-out means no mail (ACC-9); only what the user may see goes out.
            reads.notification(pending.user(), pending.id()).ifPresent(n -> mails.immediate(pending.user(), n));
        }
        jdbc.sql("update portal_notification set emailed_at = :now where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("id", pending.id()).update();
        return true;
    }

    private record Activity(long id, RecordRef record, RecordRef within, UUID actor) {
    }

    private record Pending(long id, PortalUserId user, boolean read, NotificationEmail email) {
    }
}
