package dev.foyer.notifications;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import dev.foyer.accounts.PortalAccounts;
import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.organization.Organizations;
import dev.foyer.portal.NotificationView;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalNotification;
import dev.foyer.portal.PortalReads;
import dev.foyer.portal.PortalUserId;
import dev.foyer.portal.RecordKind;
import dev.foyer.site.PortalPageNotFound;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EXP-7 in the portal: the bell, the list, the dashboard's unread ones and marking read. Every
 * notification shown or counted is read through {@link PortalReads}, which re-checks the record
 * (ACC-9); one the user can no longer see is neither listed nor counted nor markable (ACC-10).
 */
@Service("notificationBell")
public class Notifications {

    /** The dashboard shows this many unread notifications (EXP-1). */
    public static final int DASHBOARD_ROWS = 5;

    private final PortalReads reads;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PortalAccounts accounts;
    private final Organizations organizations;

    Notifications(PortalReads reads, JdbcClient jdbc, Clock clock, PortalAccounts accounts, Organizations organizations) {
        this.reads = reads;
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /** When each notification happened, as wall-clock time in the user's time zone (else the organization's). */
    public List<LocalDateTime> times(PortalUserId user, List<PortalNotification> notifications) {
        String name = accounts.find(user).map(a -> a.preferences().timeZone())
                .or(() -> organizations.current().map(o -> o.profile().timeZone())).orElse("UTC");
        ZoneId zone;
        try {
            zone = ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        ZoneId in = zone;
        return notifications.stream().map(n -> n.occurredAt().atZoneSameInstant(in).toLocalDateTime()).toList();
    }

    /** For the layout: whether to show the link, and the unread count (one query for the count). */
    public NotificationBell of(PortalUserId user) {
        if (user == null || !reads.visibleModules(user).contains(PortalModule.NOTIFICATIONS)) {
            return NotificationBell.HIDDEN;
        }
        return new NotificationBell(true, reads.unreadNotifications(user));
    }

    /** For the dashboard (EXP-1): the newest unread ones, or null when the module is not granted. */
    public Page<PortalNotification> dashboard(PortalUserId user) {
        if (user == null || !reads.visibleModules(user).contains(PortalModule.NOTIFICATIONS)) {
            return null;
        }
        return reads.notifications(user, NotificationView.UNREAD, PageRequest.of(0, DASHBOARD_ROWS));
    }

    public Page<PortalNotification> list(PortalUserId user, boolean unreadOnly, Pageable pageable) {
        return reads.notifications(user, unreadOnly ? NotificationView.UNREAD : NotificationView.ALL, pageable);
    }

    /** Marks one read; one the user cannot see (any more) answers 404 and changes nothing (ACC-10, ACC-12). */
    @Transactional
    public void markRead(PortalPrincipal user, long notificationId) {
        reads.notification(user.id(), notificationId).orElseThrow(PortalPageNotFound::new);
        jdbc.sql("update portal_notification set read_at = :now where id = :id and portal_user_id = :user and read_at is null")
                .param("now", OffsetDateTime.now(clock)).param("id", notificationId).param("user", user.id().value())
                .update();
    }

    /**
     * Marks every notification read up to the newest the user was shown ({@code upTo}, an activity id),
     * so one that arrived meanwhile stays unread. Only the user's own rows change.
     */
    @Transactional
    public int markAllRead(PortalPrincipal user, long upTo) {
        return jdbc.sql("""
                        update portal_notification set read_at = :now
                        where portal_user_id = :user and read_at is null and activity_id <= :upTo""")
                .param("now", OffsetDateTime.now(clock)).param("user", user.id().value()).param("upTo", upTo).update();
    }

    /** Where a notification leads inside the portal, relative to {@code /p/<slug>}: the record it belongs to. */
    public static String path(PortalNotification notification) {
        RecordKind kind = notification.within().kind();
        String id = notification.within().id().toString();
        return switch (kind) {
            case PROJECT -> "/projects/" + id;
            case TICKET -> "/tickets/" + id;
            case FINANCE_DOCUMENT -> "/finance/documents/" + id;
            default -> "/notifications";
        };
    }

    /** {@link #path} for templates, which may not call static methods in fragment parameters. */
    public String link(PortalNotification notification) {
        return path(notification);
    }

    /** The links of a page of notifications, in order, for templates. */
    public static List<String> paths(List<PortalNotification> notifications) {
        return notifications.stream().map(Notifications::path).toList();
    }
}
