package dev.foyer.notifications;

/** A portal user's e-mail choice with its version for optimistic locking (0: never saved, the default applies). */
public record NotificationSetting(NotificationEmail email, long version) {
}
