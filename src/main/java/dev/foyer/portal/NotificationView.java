package dev.foyer.portal;

/** Which of a portal user's notifications a read answers (EXP-7). */
public enum NotificationView {
    /** Every notification, newest first. */
    ALL,
    /** Not read yet: the list's filter, the bell's count. */
    UNREAD,
    /** Not read and not yet in a daily digest. */
    UNDIGESTED
}
