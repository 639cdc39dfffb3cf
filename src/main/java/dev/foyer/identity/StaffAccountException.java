package dev.foyer.identity;

/** A staff account change that was refused; the message key says why, for the form. */
public class StaffAccountException extends RuntimeException {

    private final String messageKey;
    private final String field;

    public StaffAccountException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The form field the problem belongs to, or null for the whole form. */
    public String field() {
        return field;
    }
}
