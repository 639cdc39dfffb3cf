package dev.foyer.portal;

/** A portal user's answer to a quote (EXP-4); the quote moves to the status of the same name. */
public enum QuoteAnswerKind {
    ACCEPTED, DECLINED
}
