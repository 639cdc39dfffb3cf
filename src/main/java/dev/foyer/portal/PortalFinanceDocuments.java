package dev.foyer.portal;

import java.util.Locale;
import java.util.UUID;

import dev.foyer.pdf.PdfTemplateId;

/**
 * What the portal asks of the finance module, implemented there (finance sits downstream of this
 * module). It never decides visibility or rights: {@link PortalFinance} has authorized the portal
 * user through {@link PortalReads} before it calls (ACC-12), and passes what the user may see.
 */
public interface PortalFinanceDocuments {

    /**
     * The document as a PDF with the given template (the portal's default for its kind, PRT-6),
     * printing only what {@code mask} allows (ACC-8) and never internal notes, order tasks or
     * non-customer flags (ACC-6).
     */
    PortalPdf pdf(UUID documentId, PdfTemplateId template, PortalPrintMask mask, Locale locale);

    /**
     * Applies an answer to a quote through finance's own lifecycle (sent → accepted or declined) and
     * stores it once, in the caller's transaction. Refused with {@link QuoteAnswerRefused} — nothing
     * changed — when the quote was answered already or is no longer sent and valid.
     */
    QuoteAnswered answerQuote(QuoteAnswerCommand command);
}
