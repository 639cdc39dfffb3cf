package dev.foyer.notifications;

/** A refused change, with the message key the page shows next to the form. */
public class NotificationException extends RuntimeException {

    private final String messageKey;

    public NotificationException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
