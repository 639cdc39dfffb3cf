package dev.foyer.finance;

/** A document converted from a quote: its kind and number, for links both ways. */
public record Conversion(FinanceDocumentId id, DocumentKind kind, String number) {
}
