package dev.foyer.finance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.pdf.PdfTemplateId;
import dev.foyer.portal.PortalFinanceDocuments;
import dev.foyer.portal.PortalPdf;
import dev.foyer.portal.PortalPrintMask;
import dev.foyer.portal.QuoteAnswerCommand;
import dev.foyer.portal.QuoteAnswerKind;
import dev.foyer.portal.QuoteAnswerRefused;
import dev.foyer.portal.QuoteAnswered;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finance's side of the portal (EXP-4): renders a document for a portal user and applies a quote
 * answer. The portal module has authorized the user before calling (ACC-12); this class decides
 * nothing about visibility, only what finance itself guards — the lifecycle (a quote is answered
 * only while sent and valid) and that an answer is recorded once.
 */
@Service
class FinancePortalDocuments implements PortalFinanceDocuments {

    /** How the status change is recorded in the quote's history. */
    static final String VIA_PORTAL = "Portal";
    private static final Logger log = LoggerFactory.getLogger(FinancePortalDocuments.class);

    private final FinanceDocumentRepository documents;
    private final FinanceDocuments finance;
    private final FinancePdfs pdfs;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    FinancePortalDocuments(FinanceDocumentRepository documents, FinanceDocuments finance, FinancePdfs pdfs,
                           RecordHistory history, JdbcClient jdbc, Clock clock) {
        this.documents = documents;
        this.finance = finance;
        this.pdfs = pdfs;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public PortalPdf pdf(UUID documentId, PdfTemplateId template, PortalPrintMask mask, Locale locale) {
        FinanceDocument document = documents.findById(new FinanceDocumentId(documentId)).orElseThrow();
        PrintableDocument.Party customer = jdbc.sql("select name, address, phone, domain from company where id = :id")
                .param("id", document.companyId().value())
                .query((rs, n) -> new PrintableDocument.Party(rs.getString("name"), rs.getString("address"),
                        rs.getString("phone"), rs.getString("domain"))).single();
        FinancePdfs.Pdf pdf = pdfs.render(masked(finance.printable(document, customer), mask), template, locale);
        return new PortalPdf(pdf.fileName(), pdf.content());
    }

    /** ACC-8: what the user type hides is not handed to the template at all. */
    static PrintableDocument masked(PrintableDocument d, PortalPrintMask mask) {
        List<PrintableDocument.Line> lines = mask.amounts() ? d.lines() : d.lines().stream()
                .map(l -> new PrintableDocument.Line(l.position(), l.description(), l.quantity(), l.unit(), null,
                        l.discountPercent(), l.taxRate(), null)).toList();
        return new PrintableDocument(d.kind(), mask.number() ? d.number() : null, d.status(),
                mask.issueDate() ? d.issueDate() : null, mask.dueDate() ? d.dueDate() : null, d.currency(),
                d.fractionDigits(), d.issuer(), d.customer(), lines, mask.amounts() ? d.taxes() : List.of(),
                mask.amounts() ? d.net() : null, mask.amounts() ? d.tax() : null,
                mask.amounts() ? d.total() : null, mask.amounts() ? d.paid() : null,
                mask.amounts() ? d.open() : null, mask.terms() ? d.terms() : null, d.sourceNumber(),
                d.customerFlag());
    }

    /**
     * Locks the quote, then: answered already → refused with when; not sent or past its
     * valid-until date → refused; else the answer row and the status change (with its history
     * entry) in the caller's transaction. The row lock queues a second tab or a double submit behind
     * the first, which then sees the answer; the unique constraint stands behind it.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public QuoteAnswered answerQuote(QuoteAnswerCommand command) {
        UUID id = command.quoteId();
        java.util.Optional<UUID[]> locked = jdbc.sql(
                        "select created_by from finance_document where id = :id and kind = 'QUOTE' for update")
                .param("id", id).query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class)}).optional();
        if (locked.isEmpty()) {
            throw new QuoteAnswerRefused(QuoteAnswerRefused.Reason.NOT_FOUND, null);
        }
        answeredAt(id).ifPresent(at -> {
            throw new QuoteAnswerRefused(QuoteAnswerRefused.Reason.ALREADY_ANSWERED, at);
        });
        FinanceDocument quote = documents.findById(new FinanceDocumentId(id)).orElseThrow();
        if (quote.status() != DocumentStatus.SENT
                || (quote.dueDate() != null && quote.dueDate().isBefore(finance.today()))) {
            throw new QuoteAnswerRefused(QuoteAnswerRefused.Reason.NOT_ANSWERABLE, null);
        }
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into quote_answer (id, document_id, answer, signer_name, reason, client_ip,
                                                  portal_user_id, company_name, answered_at)
                        values (:id, :document, :answer, :signer, :reason, :ip, :user, :company, :at)
                        on conflict (document_id) do nothing""")
                .param("id", UUID.randomUUID()).param("document", id).param("answer", command.answer().name())
                .param("signer", command.signerName()).param("reason", command.reason())
                .param("ip", command.clientIp()).param("user", command.portalUser().value())
                .param("company", command.companyName() == null ? "" : command.companyName())
                .param("at", Timestamp.from(now)).update();
        if (inserted == 0) {
            throw new QuoteAnswerRefused(QuoteAnswerRefused.Reason.ALREADY_ANSWERED, answeredAt(id).orElse(null));
        }
        DocumentStatus target = command.answer() == QuoteAnswerKind.ACCEPTED ? DocumentStatus.ACCEPTED
                : DocumentStatus.DECLINED;
        // No staff user wrote this: updated_by stays empty, the history names the portal user "via Portal".
        quote.changeStatus(target, null, now);
        FinanceDocument saved;
        try {
            saved = documents.save(quote);
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            throw new StaleVersionException("quote " + id);
        }
        history.record(saved.kind().recordType(), id, saved.version(), ChangeAction.UPDATED,
                new ChangeAuthor(null, command.portalUserName(), VIA_PORTAL),
                RecordHistory.diff(Map.of("status", DocumentStatus.SENT.name()), Map.of("status", target.name())));
        log.info("Portal user {} moved quote {} to {}", command.portalUser(), saved.number(), target);
        return new QuoteAnswered(id, saved.number(), locked.get()[0], now);
    }

    private java.util.Optional<Instant> answeredAt(UUID quoteId) {
        return jdbc.sql("select answered_at from quote_answer where document_id = :id").param("id", quoteId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }
}
