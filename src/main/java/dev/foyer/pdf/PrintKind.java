package dev.foyer.pdf;

/** The kinds of financial document Foyer prints; each has its own templates and one default. */
public enum PrintKind {
    QUOTE, INVOICE, ORDER, CONTRACT
}
