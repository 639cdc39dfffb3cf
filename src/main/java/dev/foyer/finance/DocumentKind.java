package dev.foyer.finance;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static dev.foyer.finance.DocumentStatus.ACCEPTED;
import static dev.foyer.finance.DocumentStatus.CANCELLED;
import static dev.foyer.finance.DocumentStatus.COMPLETED;
import static dev.foyer.finance.DocumentStatus.DECLINED;
import static dev.foyer.finance.DocumentStatus.DRAFT;
import static dev.foyer.finance.DocumentStatus.EXPIRED;
import static dev.foyer.finance.DocumentStatus.PAID;
import static dev.foyer.finance.DocumentStatus.PARTLY_PAID;
import static dev.foyer.finance.DocumentStatus.SENT;
import static dev.foyer.finance.DocumentStatus.SIGNED;
import static dev.foyer.finance.DocumentStatus.VOID;

/**
 * The four kinds of financial documents and their lifecycles (issue 4 item 2):
 * <ul>
 * <li>quote: draft → sent → accepted, declined or expired;</li>
 * <li>invoice: draft → sent → (payments) partly paid → paid; draft or sent → void. Partly paid and
 * paid follow from recorded payments only, never from a status change; a partly paid invoice
 * cannot be voided (money was received; that needs a credit note). Overdue is not a status: it is
 * computed on read (sent or partly paid, past the due date);</li>
 * <li>order: draft → sent (confirmed) → completed; draft or sent → cancelled;</li>
 * <li>contract: draft → sent → signed or expired; signed → expired (the contract ran out).</li>
 * </ul>
 */
public enum DocumentKind {
    QUOTE("quotes", "Q-"), INVOICE("invoices", "INV-"), ORDER("orders", "ORD-"), CONTRACT("contracts", "CT-");

    private final String plural;
    private final String defaultPrefix;

    DocumentKind(String plural, String defaultPrefix) {
        this.plural = plural;
        this.defaultPrefix = defaultPrefix;
    }

    /** The kind's path segment, plural and lower case: {@code /api/v1/invoices}. */
    public String plural() {
        return plural;
    }

    public String defaultPrefix() {
        return defaultPrefix;
    }

    public static Optional<DocumentKind> ofPlural(String plural) {
        for (DocumentKind kind : values()) {
            if (kind.plural.equals(plural)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static Optional<DocumentKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The statuses this kind's documents can have, in lifecycle order. */
    public List<DocumentStatus> statuses() {
        return switch (this) {
            case QUOTE -> List.of(DRAFT, SENT, ACCEPTED, DECLINED, EXPIRED);
            case INVOICE -> List.of(DRAFT, SENT, PARTLY_PAID, PAID, VOID);
            case ORDER -> List.of(DRAFT, SENT, COMPLETED, CANCELLED);
            case CONTRACT -> List.of(DRAFT, SENT, SIGNED, EXPIRED);
        };
    }

    /** The statuses staff (or a sync) may move a document of this kind to from {@code from}. */
    public Set<DocumentStatus> next(DocumentStatus from) {
        Set<DocumentStatus> none = EnumSet.noneOf(DocumentStatus.class);
        return switch (this) {
            case QUOTE -> switch (from) {
                case DRAFT -> EnumSet.of(SENT);
                case SENT -> EnumSet.of(ACCEPTED, DECLINED, EXPIRED);
                default -> none;
            };
            case INVOICE -> switch (from) {
                case DRAFT -> EnumSet.of(SENT, VOID);
                case SENT -> EnumSet.of(VOID);
                default -> none;
            };
            case ORDER -> switch (from) {
                case DRAFT -> EnumSet.of(SENT, CANCELLED);
                case SENT -> EnumSet.of(COMPLETED, CANCELLED);
                default -> none;
            };
            case CONTRACT -> switch (from) {
                case DRAFT -> EnumSet.of(SENT);
                case SENT -> EnumSet.of(SIGNED, EXPIRED);
                case SIGNED -> EnumSet.of(EXPIRED);
                default -> none;
            };
        };
    }

    public boolean canMove(DocumentStatus from, DocumentStatus to) {
        return to != null && next(from).contains(to);
    }

    /** Whether payments can be recorded against a document of this kind in this status. */
    public boolean takesPayments(DocumentStatus status) {
        return this == INVOICE && (status == SENT || status == PARTLY_PAID);
    }

    /** An invoice is overdue while it is open (sent or partly paid) past its due date. */
    public boolean open(DocumentStatus status) {
        return this == INVOICE && (status == SENT || status == PARTLY_PAID);
    }

    /** The type name of the record's history entries. */
    public String recordType() {
        return name().toLowerCase(Locale.ROOT);
    }
}
