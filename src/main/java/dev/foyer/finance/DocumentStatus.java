package dev.foyer.finance;

/**
 * Every status a financial document can have; which ones a kind uses and how it moves between
 * them is {@link DocumentKind}'s lifecycle. Only {@link #DRAFT} is never shown to customers (ACC-5).
 */
public enum DocumentStatus {
    DRAFT, SENT, ACCEPTED, DECLINED, EXPIRED, PARTLY_PAID, PAID, VOID, SIGNED, COMPLETED, CANCELLED
}
