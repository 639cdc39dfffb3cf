package dev.foyer.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.portal.NotificationView;
import dev.foyer.portal.PortalNotification;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.PortalUserId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * EXP-7's daily digest: once a day, from {@code foyer.notifications.digest-hour} in the user's own
 * time zone, one mail per user who chose "daily" listing their unread notifications not yet in a
 * digest that they can STILL see (read through {@link PortalReads} at sending time: an item unshared
 * meanwhile is not mentioned). Nothing left, no mail. Every pending notification of the user is
 * marked digested either way, and the day is noted, so a day gets one digest at most; the outbox key
 * (user and local day) keeps a repeated run from sending twice. One transaction per user, claimed
 * with {@code SKIP LOCKED} on the user's setting row.
 */
@Component
public class NotificationDigests {

    /** A digest lists at most this many notifications, then "and N more". */
    static final int MAX_LISTED = 50;

    private final JdbcClient jdbc;
    private final PortalReads reads;
    private final NotificationMails mails;
    private final TransactionTemplate transactions;
    private final int digestHour;

    NotificationDigests(JdbcClient jdbc, PortalReads reads, NotificationMails mails,
                        PlatformTransactionManager transactionManager,
                        @Value("${foyer.notifications.digest-hour:7}") int digestHour) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.mails = mails;
        this.transactions = new TransactionTemplate(transactionManager);
        this.digestHour = Math.max(0, Math.min(23, digestHour));
    }

    /** Sends the digests due at {@code now}, at most {@code batchSize}; answers how many users were handled. */
    public int run(Instant now, int batchSize) {
        int handled = 0;
        for (int i = 0; i < batchSize && Boolean.TRUE.equals(transactions.execute(s -> digestOne(now))); i++) {
            handled++;
        }
        return handled;
    }

    private boolean digestOne(Instant now) {
        // Due: chose "daily", past the digest hour of their own day, no digest yet today, something pending.
        Optional<Due> due = jdbc.sql("""
                        select s.portal_user_id, cast((cast(:now as timestamptz) at time zone a.time_zone) as date) as day
                        from portal_notification_setting s join portal_account a on a.portal_user_id = s.portal_user_id
                        where s.email = 'DAILY'
                          and extract(hour from (cast(:now as timestamptz) at time zone a.time_zone)) >= :hour
                          and (s.last_digest_on is null
                               or s.last_digest_on < cast((cast(:now as timestamptz) at time zone a.time_zone) as date))
                          and exists (select 1 from portal_notification n where n.portal_user_id = s.portal_user_id
                                      and n.digested_at is null and n.read_at is null)
                        order by s.portal_user_id limit 1 for update of s skip locked""")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("hour", digestHour)
                .query((rs, n) -> new Due(new PortalUserId(rs.getObject("portal_user_id", UUID.class)),
                        rs.getObject("day", LocalDate.class)))
                .optional();
        if (due.isEmpty()) {
            return false;
        }
        PortalUserId user = due.get().user();
        long newest = jdbc.sql("select coalesce(max(activity_id), 0) from portal_notification where portal_user_id = :user"
                        + " and digested_at is null and read_at is null")
                .param("user", user.value()).query(Long.class).single();
        Page<PortalNotification> visible = reads.notifications(user, NotificationView.UNDIGESTED,
                PageRequest.of(0, MAX_LISTED));
        List<PortalNotification> listed = visible.getContent().stream().filter(n -> n.activityId() <= newest).toList();
        if (!listed.isEmpty()) {
            mails.digest(user, due.get().day().toString(), listed, visible.getTotalElements());
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql("""
                        update portal_notification set digested_at = :now
                        where portal_user_id = :user and digested_at is null and read_at is null and activity_id <= :newest""")
                .param("now", at).param("user", user.value()).param("newest", newest).update();
        jdbc.sql("update portal_notification_setting set last_digest_on = :day where portal_user_id = :user")
                .param("day", due.get().day()).param("user", user.value()).update();
        return true;
    }

    private record Due(PortalUserId user, LocalDate day) {
    }
}
