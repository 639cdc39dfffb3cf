package dev.foyer.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.PortalUserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** EXP-6, EXP-7: each portal user's own e-mail choice; only the user changes it, for themselves. */
@Service
public class NotificationSettings {

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public NotificationSetting of(PortalUserId user) {
        return jdbc.sql("select email, version from portal_notification_setting where portal_user_id = :user")
                .param("user", user.value())
                .query((rs, n) -> new NotificationSetting(NotificationEmail.valueOf(rs.getString("email")),
                        rs.getLong("version")))
                .optional().orElse(new NotificationSetting(NotificationEmail.DEFAULT, 0));
    }

    /** Saves the choice; a stale version (changed in another tab) is refused and changes nothing. */
    @Transactional
    public NotificationSetting save(PortalPrincipal user, long expectedVersion, String choice) {
        NotificationEmail email = parse(choice);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = expectedVersion == 0
                ? jdbc.sql("""
                        insert into portal_notification_setting (portal_user_id, email, version, updated_at)
                        values (:user, :email, 1, :now) on conflict (portal_user_id) do nothing""")
                .param("user", user.id().value()).param("email", email.name()).param("now", now).update()
                : jdbc.sql("""
                        update portal_notification_setting set email = :email, version = version + 1, updated_at = :now
                        where portal_user_id = :user and version = :version""")
                .param("user", user.id().value()).param("email", email.name()).param("now", now)
                .param("version", expectedVersion).update();
        if (changed == 0) {
            throw new NotificationException("notifications.settings.stale");
        }
        return of(user.id());
    }

    private static NotificationEmail parse(String choice) {
        try {
            return NotificationEmail.valueOf(choice == null ? "" : choice.strip());
        } catch (IllegalArgumentException e) {
            throw new NotificationException("notifications.settings.invalid");
        }
    }
}
