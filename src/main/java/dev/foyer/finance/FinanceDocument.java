package dev.foyer.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import dev.foyer.directory.CompanyId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A quote, invoice, order or contract of a company with its line items (issue 4). Its lifecycle
 * is its kind's ({@link DocumentKind#next}); its lines, dates, currency and terms change only
 * while it is a draft; its totals always follow from its lines ({@link Totals}).
 */
@Table("finance_document")
public final class FinanceDocument {

    @Id
    private final FinanceDocumentId id;
    private final DocumentKind kind;
    private final long sequence;
    private final String number;
    private CompanyId companyId;
    private DocumentStatus status;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private String currency;
    private BigDecimal netTotal;
    private BigDecimal taxTotal;
    private BigDecimal total;
    private BigDecimal paidTotal;
    private String internalNotes;
    private String terms;
    private final FinanceDocumentId sourceDocumentId;
    private OrderFlagId orderFlagId;
    private String externalRef;
    @MappedCollection(idColumn = "document_id", keyColumn = "position")
    private List<DocumentLine> lines;
    @Version
    private Long version;
    private final Instant createdAt;
    private final UUID createdBy;
    private Instant updatedAt;
    private UUID updatedBy;

    @PersistenceCreator
    FinanceDocument(FinanceDocumentId id, DocumentKind kind, long sequence, String number, CompanyId companyId,
                    DocumentStatus status, LocalDate issueDate, LocalDate dueDate, String currency,
                    BigDecimal netTotal, BigDecimal taxTotal, BigDecimal total, BigDecimal paidTotal,
                    String internalNotes, String terms, FinanceDocumentId sourceDocumentId, OrderFlagId orderFlagId,
                    String externalRef, List<DocumentLine> lines, Long version, Instant createdAt, UUID createdBy,
                    Instant updatedAt, UUID updatedBy) {
        this.id = id;
        this.kind = kind;
        this.sequence = sequence;
        this.number = number;
        this.companyId = companyId;
        this.status = status;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.currency = currency == null ? null : currency.strip();
        this.netTotal = netTotal;
        this.taxTotal = taxTotal;
        this.total = total;
        this.paidTotal = paidTotal == null ? BigDecimal.ZERO : paidTotal;
        this.internalNotes = internalNotes;
        this.terms = terms;
        this.sourceDocumentId = sourceDocumentId;
        this.orderFlagId = orderFlagId;
        this.externalRef = externalRef;
        this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    /** A new draft with the number it keeps for good; {@code source} is the quote it was converted from, or null. */
    static FinanceDocument draft(DocumentKind kind, long sequence, String number, DocumentDetails details,
                                 FinanceDocumentId source, UUID writer, Instant now) {
        FinanceDocument document = new FinanceDocument(FinanceDocumentId.newId(), kind, sequence, number, null,
                DocumentStatus.DRAFT, null, null, null, null, null, null, BigDecimal.ZERO, null, null, source, null,
                null, List.of(), null, now, writer, now, writer);
        document.write(details, writer, now);
        return document;
    }

    /**
     * Applies validated details. A draft takes everything; a document past draft only takes its
     * internal notes and external reference, and refuses any other change with finance.error.notDraft.
     */
    void apply(DocumentDetails details, UUID writer, Instant now) {
        if (status != DocumentStatus.DRAFT && !sameContent(details)) {
            throw FinanceException.of("", "finance.error.notDraft");
        }
        write(details, writer, now);
    }

    private void write(DocumentDetails details, UUID writer, Instant now) {
        this.companyId = details.company();
        this.issueDate = details.issueDate();
        this.dueDate = details.dueDate();
        this.currency = details.currency();
        this.lines = new ArrayList<>(details.lines());
        this.internalNotes = details.internalNotes();
        this.terms = details.terms();
        this.externalRef = details.externalRef();
        Totals totals = totals();
        this.netTotal = totals.net();
        this.taxTotal = totals.tax();
        this.total = totals.total();
        touch(writer, now);
    }

    /** Whether everything but internal notes and the external reference equals what is stored. */
    private boolean sameContent(DocumentDetails details) {
        DocumentDetails mine = details();
        return mine.withExternalRef(null).equals(new DocumentDetails(details.company(), details.issueDate(),
                details.dueDate(), details.currency(), details.lines(), mine.internalNotes(), details.terms(), null));
    }

    /**
     * Moves along the kind's lifecycle; an illegal move is refused with its kind's message. Sending
     * needs at least one line, and an invoice needs a due date to be sent.
     */
    void changeStatus(DocumentStatus target, UUID writer, Instant now) {
        if (target == DocumentStatus.PARTLY_PAID || target == DocumentStatus.PAID) {
            throw FinanceException.of("status", "finance.error.paidByPayments");
        }
        if (!kind.canMove(status, target)) {
            throw FinanceException.of("status", "finance.error.transition." + kind.name());
        }
        if (target == DocumentStatus.SENT && lines.isEmpty()) {
            throw FinanceException.of("status", "finance.error.noLines");
        }
        if (target == DocumentStatus.SENT && kind == DocumentKind.INVOICE && dueDate == null) {
            throw FinanceException.of("status", "finance.error.dueDateToSend");
        }
        this.status = target;
        touch(writer, now);
    }

    /**
     * Records a payment's amount: only on a sent or partly paid invoice, in the currency's digits,
     * at most the open amount. The invoice is then partly paid, or paid when nothing is open.
     */
    void pay(BigDecimal amount, UUID writer, Instant now) {
        if (!kind.takesPayments(status)) {
            throw FinanceException.of("", kind == DocumentKind.INVOICE ? "finance.error.paymentStatus"
                    : "finance.error.paymentKind");
        }
        if (amount == null || amount.signum() <= 0 || DocumentDetails.decimals(amount) > fractionDigits()) {
            throw FinanceException.of("amount", "finance.error.payment.amount");
        }
        if (amount.compareTo(openAmount()) > 0) {
            throw FinanceException.of("amount", "finance.error.payment.tooMuch");
        }
        this.paidTotal = paidTotal.add(amount);
        this.status = paidTotal.compareTo(total) >= 0 ? DocumentStatus.PAID : DocumentStatus.PARTLY_PAID;
        touch(writer, now);
    }

    /** Sets (or with null clears) an order's status flag. */
    void flag(OrderFlagId flag, UUID writer, Instant now) {
        if (kind != DocumentKind.ORDER) {
            throw FinanceException.of("flag", "finance.error.flagKind");
        }
        this.orderFlagId = flag;
        touch(writer, now);
    }

    private void touch(UUID writer, Instant now) {
        this.updatedAt = now;
        this.updatedBy = writer;
    }

    public DocumentDetails details() {
        return new DocumentDetails(companyId, issueDate, dueDate, currency, lines, internalNotes, terms, externalRef);
    }

    public Totals totals() {
        return Totals.of(currency(), lines);
    }

    public boolean isDraft() {
        return status == DocumentStatus.DRAFT;
    }

    /** Open (sent or partly paid) past its due date, as of {@code today} in the organization's time zone. */
    public boolean isOverdue(LocalDate today) {
        return kind.open(status) && dueDate != null && dueDate.isBefore(today);
    }

    public BigDecimal openAmount() {
        return total.subtract(paidTotal).setScale(fractionDigits());
    }

    public int fractionDigits() {
        return Totals.fractionDigits(currency());
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public FinanceDocumentId id() {
        return id;
    }

    public DocumentKind kind() {
        return kind;
    }

    public long sequence() {
        return sequence;
    }

    public String number() {
        return number;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public DocumentStatus status() {
        return status;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String currencyCode() {
        return currency;
    }

    public BigDecimal netTotal() {
        return netTotal.setScale(fractionDigits());
    }

    public BigDecimal taxTotal() {
        return taxTotal.setScale(fractionDigits());
    }

    public BigDecimal total() {
        return total.setScale(fractionDigits());
    }

    public BigDecimal paidTotal() {
        return paidTotal.setScale(fractionDigits());
    }

    /** Never shown to customers. */
    public String internalNotes() {
        return internalNotes;
    }

    public String terms() {
        return terms;
    }

    public FinanceDocumentId sourceDocumentId() {
        return sourceDocumentId;
    }

    public OrderFlagId orderFlagId() {
        return orderFlagId;
    }

    public String externalRef() {
        return externalRef;
    }

    public List<DocumentLine> lines() {
        return List.copyOf(lines);
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
