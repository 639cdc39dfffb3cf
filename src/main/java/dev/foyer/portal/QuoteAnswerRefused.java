package dev.foyer.portal;

import java.time.Instant;

/**
 * A quote answer that was refused and changed nothing: the quote was answered already (when:
 * {@code answeredAt}), or it is no longer open for answers (expired, withdrawn, not sent).
 */
public class QuoteAnswerRefused extends RuntimeException {

    /** NOT_FOUND: the quote is not visible to the user, or not a quote (answers 404, ACC-10). */
    public enum Reason { NOT_FOUND, ALREADY_ANSWERED, NOT_ANSWERABLE }

    private final Reason reason;
    private final Instant answeredAt;

    public QuoteAnswerRefused(Reason reason, Instant answeredAt) {
        super("quote answer refused: " + reason);
        this.reason = reason;
        this.answeredAt = answeredAt;
    }

    public Reason reason() {
        return reason;
    }

    /** When the quote was answered, for {@link Reason#ALREADY_ANSWERED}; else null. */
    public Instant answeredAt() {
        return answeredAt;
    }
}
