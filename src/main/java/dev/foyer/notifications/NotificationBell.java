package dev.foyer.notifications;

/** The layout's "Notifications (N)" link: shown only when the user type grants NOTIFICATIONS (ACC-2). */
public record NotificationBell(boolean shown, long unread) {

    static final NotificationBell HIDDEN = new NotificationBell(false, 0);
}
