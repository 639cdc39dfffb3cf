package dev.foyer.notifications;

/**
 * How a portal user hears of notifications by e-mail (EXP-6, EXP-7). The default is
 * {@link #IMMEDIATE}: portal users rarely sign in unprompted, and an answer on their ticket or a
 * quote sent to them is worth knowing while it matters; anyone who finds that too much picks the
 * daily digest or none on the settings page.
 */
public enum NotificationEmail {
    OFF, IMMEDIATE, DAILY;

    public static final NotificationEmail DEFAULT = IMMEDIATE;
}
