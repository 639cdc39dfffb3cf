package dev.foyer.finance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.RecordHistory;
import dev.foyer.audit.RecordWriter;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.Upserted;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.organization.Organization;
import dev.foyer.organization.Organizations;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes, invoices, orders and contracts (issue 4): listed with filters, created with the next
 * number of their kind, edited while draft, moved along their lifecycle, converted from accepted
 * quotes, paid, flagged, deleted while draft — by staff and by integrations. Every operation
 * checks its actor first ({@link FinanceAccess}, {@link ApiAccess}) and records its changes.
 */
@Service
public class FinanceDocuments {

    private static final Logger log = LoggerFactory.getLogger(FinanceDocuments.class);
    private static final String FROM = " from finance_document d join company co on co.id = d.company_id";
    private static final String OVERDUE = "d.kind = 'INVOICE' and d.status in ('SENT', 'PARTLY_PAID') and d.due_date < :today";

    private final FinanceDocumentRepository documents;
    private final DocumentNumbers numbers;
    private final OrderFlags flags;
    private final Companies companies;
    private final Organizations organizations;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    /** EXP-7: what portal users may hear of (a document sent to them, its status moving on). */
    private final dev.foyer.portal.RecordActivities activities;

    FinanceDocuments(FinanceDocumentRepository documents, DocumentNumbers numbers, OrderFlags flags,
                     Companies companies, Organizations organizations, RecordHistory history, JdbcClient jdbc,
                     Clock clock, dev.foyer.portal.RecordActivities activities) {
        this.activities = activities;
        this.documents = documents;
        this.numbers = numbers;
        this.flags = flags;
        this.companies = companies;
        this.organizations = organizations;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Today in the organization's time zone: what "overdue" is measured against. */
    public LocalDate today() {
        ZoneId zone = organizations.current().map(o -> ZoneId.of(o.profile().timeZone())).orElse(ZoneId.of("UTC"));
        return clock.instant().atZone(zone).toLocalDate();
    }

    // ---- Staff ----

    /** A page of documents of companies outside the recycle bin, most recently changed first. */
    @Transactional(readOnly = true)
    public Page<DocumentSummary> list(StaffPrincipal actor, DocumentQuery query, Pageable pageable) {
        FinanceAccess.requireView(actor);
        List<String> where = new ArrayList<>(List.of("co.deleted_at is null"));
        Map<String, Object> params = new HashMap<>();
        LocalDate today = today();
        params.put("today", Date.valueOf(today));
        if (query.kind() != null) {
            where.add("d.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.status() != null) {
            where.add("d.status = :status");
            params.put("status", query.status().name());
        }
        if (query.company() != null) {
            where.add("d.company_id = :company");
            params.put("company", query.company().value());
        }
        if (query.overdue()) {
            where.add(OVERDUE);
        }
        String number = query.number() == null ? "" : query.number().strip();
        if (!number.isEmpty()) {
            where.add("lower(d.number) like :number");
            params.put("number", contains(number));
        }
        String condition = " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*)" + FROM + condition).params(params).query(Long.class).single();
        List<DocumentSummary> rows = jdbc.sql("""
                        select d.id, d.kind, d.number, d.company_id, co.name as company_name, d.status, d.issue_date,
                               d.due_date, d.currency, d.total, d.paid_total, d.updated_at, (""" + OVERDUE + ") as overdue"
                        + FROM + condition + " order by d.updated_at desc, d.id desc limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> {
                    String currency = rs.getString("currency").strip();
                    int digits = Totals.fractionDigits(java.util.Currency.getInstance(currency));
                    var docTotal = rs.getBigDecimal("total").setScale(digits);
                    var paid = rs.getBigDecimal("paid_total").setScale(digits);
                    return new DocumentSummary(new FinanceDocumentId(rs.getObject("id", UUID.class)),
                            DocumentKind.valueOf(rs.getString("kind")), rs.getString("number"),
                            new CompanyId(rs.getObject("company_id", UUID.class)), rs.getString("company_name"),
                            DocumentStatus.valueOf(rs.getString("status")), rs.getBoolean("overdue"),
                            rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                            currency, docTotal, docTotal.subtract(paid), rs.getTimestamp("updated_at").toInstant());
                })
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** A document whose company is not in the recycle bin. */
    @Transactional(readOnly = true)
    public Optional<FinanceDocument> find(StaffPrincipal actor, FinanceDocumentId id) {
        FinanceAccess.requireView(actor);
        return documents.findById(id).filter(d -> companies.find(actor, d.companyId()).isPresent());
    }

    /** Creates a draft with the next number of its kind. */
    @Transactional
    public FinanceDocument create(StaffPrincipal actor, DocumentKind kind, DocumentDetails input) {
        FinanceAccess.requireEdit(actor);
        return create(RecordWriter.of(actor), visible(actor), kind, input, null);
    }

    /** Edits a document: everything while it is a draft, afterwards only internal notes and the external reference. */
    @Transactional
    public FinanceDocument update(StaffPrincipal actor, FinanceDocumentId id, long expectedVersion,
                                  DocumentDetails input) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument document = load(actor, id);
        requireVersion(document, expectedVersion);
        return update(RecordWriter.of(actor), visible(actor), document, input, null);
    }

    /** Moves the document along its kind's lifecycle; an illegal move is refused and changes nothing. */
    @Transactional
    public FinanceDocument changeStatus(StaffPrincipal actor, FinanceDocumentId id, long expectedVersion,
                                        DocumentStatus status) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument document = load(actor, id);
        requireVersion(document, expectedVersion);
        DocumentStatus before = document.status();
        FinanceDocument changed = changeStatus(RecordWriter.of(actor), visible(actor), document, status);
        statusActivity(actor.id().value(), actor.displayName(), before, changed);
        return changed;
    }

    /**
     * EXP-7: a draft is never seen (ACC-5); from "sent" on, portal users hear of each step, whether staff
     * moved it in the UI or an integration through the API (recorded for the token's creator; a token
     * whose creator is gone names no staff user and leaves no activity).
     */
    private void statusActivity(java.util.UUID staffUserId, String name, DocumentStatus before,
                                FinanceDocument changed) {
        if (staffUserId != null && before != changed.status() && changed.status() != DocumentStatus.DRAFT) {
            activities.record(new dev.foyer.portal.RecordActivity(
                    dev.foyer.portal.ActivityActor.staff(staffUserId, name),
                    before == DocumentStatus.DRAFT ? dev.foyer.portal.ActivityKind.SENT
                            : dev.foyer.portal.ActivityKind.STATUS_CHANGED,
                    dev.foyer.portal.RecordRef.of(dev.foyer.portal.RecordKind.FINANCE_DOCUMENT, changed.id().value()),
                    null, changed.status().name()));
        }
    }

    /** Deletes a draft for good (its number is not reused); documents past draft are kept. */
    @Transactional
    public void delete(StaffPrincipal actor, FinanceDocumentId id, long expectedVersion) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument document = load(actor, id);
        requireVersion(document, expectedVersion);
        delete(RecordWriter.of(actor), document);
    }

    /**
     * Converts an accepted quote into a draft order or invoice of the same company, currency,
     * lines and terms, linked back to the quote; a quote converts into each kind at most once.
     */
    @Transactional
    public FinanceDocument convert(StaffPrincipal actor, FinanceDocumentId quoteId, DocumentKind target) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument quote = load(actor, quoteId);
        if (quote.kind() != DocumentKind.QUOTE || quote.status() != DocumentStatus.ACCEPTED) {
            throw FinanceException.of("", "finance.error.convertNotAccepted");
        }
        if (target != DocumentKind.ORDER && target != DocumentKind.INVOICE) {
            throw FinanceException.of("", "finance.error.convertKind");
        }
        if (documents.findConverted(quote.id().value(), target.name()).isPresent()) {
            throw FinanceException.of("", "finance.error.alreadyConverted");
        }
        DocumentDetails details = new DocumentDetails(quote.companyId(), today(), null, quote.currencyCode(),
                quote.lines(), "", quote.terms(), null);
        RecordWriter writer = RecordWriter.of(actor);
        FinanceDocument created;
        try {
            created = create(writer, visible(actor), target, details, quote);
        } catch (RuntimeException e) {
            // Another request converted the same quote a moment ago (Spring Data JDBC wraps the index's refusal).
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw FinanceException.of("", "finance.error.alreadyConverted");
                }
            }
            throw e;
        }
        history.record(quote.kind().recordType(), quote.id().value(), quote.version(), ChangeAction.UPDATED,
                writer.author(), RecordHistory.diff(Map.of(), Map.of("convertedTo", created.number())));
        return created;
    }

    /** The documents converted from this quote (an order and an invoice at most). */
    @Transactional(readOnly = true)
    public List<Conversion> conversions(StaffPrincipal actor, FinanceDocument quote) {
        FinanceAccess.requireView(actor);
        return jdbc.sql("select id, kind, number from finance_document where source_document_id = :id order by kind limit 4")
                .param("id", quote.id().value())
                .query((rs, n) -> new Conversion(new FinanceDocumentId(rs.getObject("id", UUID.class)),
                        DocumentKind.valueOf(rs.getString("kind")), rs.getString("number")))
                .list();
    }

    /** The quote a document was converted from. */
    @Transactional(readOnly = true)
    public Optional<Conversion> source(StaffPrincipal actor, FinanceDocument document) {
        FinanceAccess.requireView(actor);
        if (document.sourceDocumentId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, kind, number from finance_document where id = :id")
                .param("id", document.sourceDocumentId().value())
                .query((rs, n) -> new Conversion(new FinanceDocumentId(rs.getObject("id", UUID.class)),
                        DocumentKind.valueOf(rs.getString("kind")), rs.getString("number")))
                .optional();
    }

    /** Records a payment against a sent or partly paid invoice; more than the open amount is refused. */
    @Transactional
    public FinanceDocument recordPayment(StaffPrincipal actor, FinanceDocumentId id, long expectedVersion,
                                         PaymentDetails payment) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument document = load(actor, id);
        requireVersion(document, expectedVersion);
        return recordPayment(RecordWriter.of(actor), document, payment);
    }

    /** An invoice's payments, newest first. */
    @Transactional(readOnly = true)
    public Page<Payment> payments(StaffPrincipal actor, FinanceDocument document, Pageable pageable) {
        FinanceAccess.requireView(actor);
        return payments(document, pageable);
    }

    /** Sets an order's status flag (an active one) or clears it (null), and adds it to the flag history. */
    @Transactional
    public FinanceDocument setFlag(StaffPrincipal actor, FinanceDocumentId id, long expectedVersion,
                                   OrderFlagId flagId) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument document = load(actor, id);
        requireVersion(document, expectedVersion);
        if (document.kind() != DocumentKind.ORDER) {
            throw FinanceException.of("flag", "finance.error.flagKind");
        }
        OrderFlag flag = null;
        if (flagId != null) {
            flag = flags.find(flagId).filter(OrderFlag::active)
                    .orElseThrow(() -> FinanceException.of("flag", "finance.error.flag"));
        }
        if (Objects.equals(flagId, document.orderFlagId())) {
            return document;
        }
        String before = flagName(document.orderFlagId());
        RecordWriter writer = RecordWriter.of(actor);
        Instant now = clock.instant();
        document.flag(flagId, writer.staffId(), now);
        FinanceDocument saved = save(document);
        jdbc.sql("""
                        insert into finance_order_flag_change (document_id, flag_id, set_by, set_by_name, set_at)
                        values (:document, :flag, :by, :name, :at)""")
                .param("document", id.value()).param("flag", flagId == null ? null : flagId.value())
                .param("by", writer.staffId()).param("name", writer.author().name()).param("at", Timestamp.from(now))
                .update();
        history.record(saved.kind().recordType(), id.value(), saved.version(), ChangeAction.UPDATED, writer.author(),
                RecordHistory.diff(mapOf("orderFlag", before), mapOf("orderFlag", flag == null ? null : flag.name())));
        log.info("{} set flag {} on order {}", writer.logName(), flagId, id);
        return saved;
    }

    /** An order's flag history, newest first. */
    @Transactional(readOnly = true)
    public Page<FlagChange> flagHistory(StaffPrincipal actor, FinanceDocument order, Pageable pageable) {
        FinanceAccess.requireView(actor);
        long total = jdbc.sql("select count(*) from finance_order_flag_change where document_id = :id")
                .param("id", order.id().value()).query(Long.class).single();
        List<FlagChange> rows = jdbc.sql("""
                        select c.flag_id, f.name, f.customer_flag, c.set_by_name, c.set_at
                        from finance_order_flag_change c left join finance_order_flag f on f.id = c.flag_id
                        where c.document_id = :id order by c.set_at desc, c.id desc limit :limit offset :offset""")
                .param("id", order.id().value()).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> new FlagChange(rs.getObject("flag_id", UUID.class) == null ? null
                        : new OrderFlagId(rs.getObject("flag_id", UUID.class)), rs.getString("name"),
                        rs.getBoolean("customer_flag"), rs.getString("set_by_name"), rs.getTimestamp("set_at").toInstant()))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * The seam for the PDF download (issue 4 item 4): everything a PDF of this document shows, as
     * customers may see it — never internal notes, order tasks or internal flags.
     */
    @Transactional(readOnly = true)
    public Optional<PrintableDocument> printable(StaffPrincipal actor, FinanceDocumentId id) {
        FinanceAccess.requireView(actor);
        return find(actor, id).map(document -> printable(document,
                companies.find(actor, document.companyId()).orElseThrow()));
    }

    // ---- The REST API (docs/api.md): an integration acts through its API token. ----

    /** Documents of one kind for an integration, oldest change first. */
    @Transactional(readOnly = true)
    public Page<FinanceDocument> changedSince(ApiPrincipal client, DocumentKind kind, Instant since,
                                              Pageable pageable) {
        ApiAccess.requireRead(client);
        Timestamp from = Timestamp.from(since == null ? Instant.EPOCH : since);
        String condition = FROM + " where co.deleted_at is null and d.kind = :kind and d.updated_at >= :since";
        long total = jdbc.sql("select count(*)" + condition).param("kind", kind.name()).param("since", from)
                .query(Long.class).single();
        List<FinanceDocumentId> ids = jdbc.sql("select d.id" + condition
                        + " order by d.updated_at, d.id limit :limit offset :offset")
                .param("kind", kind.name()).param("since", from).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> new FinanceDocumentId(rs.getObject("id", UUID.class))).list();
        Map<FinanceDocumentId, FinanceDocument> byId = new HashMap<>();
        documents.findAllById(ids).forEach(d -> byId.put(d.id(), d));
        return new PageImpl<>(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<FinanceDocument> find(ApiPrincipal client, DocumentKind kind, FinanceDocumentId id) {
        ApiAccess.requireRead(client);
        return documents.findById(id).filter(d -> d.kind() == kind)
                .filter(d -> companies.find(client, d.companyId()).isPresent());
    }

    @Transactional(readOnly = true)
    public Optional<FinanceDocument> findByExternalRef(ApiPrincipal client, DocumentKind kind, String externalRef) {
        ApiAccess.requireRead(client);
        return documents.findByExternalRef(kind.name(), externalRef)
                .filter(d -> companies.find(client, d.companyId()).isPresent());
    }

    /**
     * Creates a draft and, when {@code status} names another status, moves it on along the
     * lifecycle in the same write (draft → sent → accepted), so a sync can bring in documents as
     * they are. Partly paid and paid come from payments.
     */
    @Transactional
    public FinanceDocument create(ApiPrincipal client, DocumentKind kind, DocumentDetails input,
                                  DocumentStatus status) {
        ApiAccess.requireWrite(client);
        RecordWriter writer = RecordWriter.of(client);
        FinanceDocument created = create(writer, visible(client), kind, input, null);
        return status == null || status == DocumentStatus.DRAFT ? created
                : walkTo(writer, visible(client), created, status);
    }

    /** Updates the document and, when {@code status} differs, moves it along its lifecycle (see create). */
    @Transactional
    public FinanceDocument update(ApiPrincipal client, DocumentKind kind, FinanceDocumentId id, long expectedVersion,
                                  DocumentDetails input, DocumentStatus status) {
        ApiAccess.requireWrite(client);
        FinanceDocument document = load(client, kind, id);
        requireVersion(document, expectedVersion);
        return update(RecordWriter.of(client), visible(client), document, input, status);
    }

    /**
     * Creates the document with this external reference, or brings the existing one up to date;
     * writes nothing when nothing differs, so a repeated sync changes nothing (docs/api.md).
     */
    @Transactional
    public Upserted<FinanceDocument> upsert(ApiPrincipal client, DocumentKind kind, String externalRef,
                                            Long expectedVersion, DocumentDetails input, DocumentStatus status) {
        ApiAccess.requireWrite(client);
        DocumentDetails withRef = input.withExternalRef(externalRef);
        Optional<FinanceDocument> existing = findByExternalRef(client, kind, externalRef);
        if (existing.isEmpty()) {
            return new Upserted<>(create(client, kind, withRef, status), true);
        }
        FinanceDocument document = existing.get();
        if (expectedVersion != null && document.version() != expectedVersion) {
            throw new StaleVersionException(kind.recordType() + " " + document.id());
        }
        DocumentDetails details = checked(visible(client), kind, withRef, document.id());
        if (details.equals(document.details()) && (status == null || status == document.status())) {
            return new Upserted<>(document, false);
        }
        return new Upserted<>(update(RecordWriter.of(client), visible(client), document, withRef, status), false);
    }

    @Transactional
    public FinanceDocument changeStatus(ApiPrincipal client, DocumentKind kind, FinanceDocumentId id,
                                        long expectedVersion, DocumentStatus status) {
        ApiAccess.requireWrite(client);
        FinanceDocument document = load(client, kind, id);
        requireVersion(document, expectedVersion);
        DocumentStatus before = document.status();
        RecordWriter writer = RecordWriter.of(client);
        FinanceDocument changed = changeStatus(writer, visible(client), document, status);
        statusActivity(writer.staffId(), writer.author().name(), before, changed); // EXP-7, as the UI path
        return changed;
    }

    @Transactional
    public void delete(ApiPrincipal client, DocumentKind kind, FinanceDocumentId id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        FinanceDocument document = load(client, kind, id);
        requireVersion(document, expectedVersion);
        delete(RecordWriter.of(client), document);
    }

    @Transactional
    public FinanceDocument recordPayment(ApiPrincipal client, DocumentKind kind, FinanceDocumentId id,
                                         long expectedVersion, PaymentDetails payment) {
        ApiAccess.requireWrite(client);
        FinanceDocument document = load(client, kind, id);
        requireVersion(document, expectedVersion);
        return recordPayment(RecordWriter.of(client), document, payment);
    }

    @Transactional(readOnly = true)
    public Page<Payment> payments(ApiPrincipal client, DocumentKind kind, FinanceDocumentId id, Pageable pageable) {
        ApiAccess.requireRead(client);
        return payments(load(client, kind, id), pageable);
    }

    // ---- Shared by staff and integrations ----

    private FinanceDocument create(RecordWriter writer, Function<CompanyId, Optional<Company>> visible,
                                   DocumentKind kind, DocumentDetails input, FinanceDocument source) {
        DocumentDetails details = checked(visible, kind, input, null);
        DocumentNumbers.Issued number = numbers.next(kind);
        FinanceDocument document = documents.save(FinanceDocument.draft(kind, number.sequence(), number.number(),
                details, source == null ? null : source.id(), writer.staffId(), clock.instant()));
        Map<String, String> after = snapshot(visible, document);
        if (source != null) {
            after.put("convertedFrom", source.number());
        }
        history.record(kind.recordType(), document.id().value(), document.version(), ChangeAction.CREATED,
                writer.author(), RecordHistory.diff(Map.of(), after));
        log.info("{} created {} {} ({})", writer.logName(), kind, document.number(), document.id());
        return document;
    }

    private FinanceDocument update(RecordWriter writer, Function<CompanyId, Optional<Company>> visible,
                                   FinanceDocument document, DocumentDetails input, DocumentStatus status) {
        DocumentDetails details = checked(visible, document.kind(), input, document.id());
        // Content first (a draft takes it), then the status; a refusal of either rolls back both.
        Map<String, String> before = snapshot(visible, document);
        FinanceDocument saved = document;
        if (!details.equals(document.details())) {
            document.apply(details, writer.staffId(), clock.instant());
            saved = save(document);
            history.record(saved.kind().recordType(), saved.id().value(), saved.version(), ChangeAction.UPDATED,
                    writer.author(), RecordHistory.diff(before, snapshot(visible, saved)));
            log.info("{} edited {} {}", writer.logName(), saved.kind(), saved.number());
        }
        if (status != null && status != saved.status()) {
            saved = walkTo(writer, visible, saved, status);
        }
        return saved;
    }

    /** Moves on to {@code target} one lifecycle step at a time (a sync may name a status two steps on). */
    private FinanceDocument walkTo(RecordWriter writer, Function<CompanyId, Optional<Company>> visible,
                                   FinanceDocument document, DocumentStatus target) {
        FinanceDocument current = document;
        if (current.status() == DocumentStatus.DRAFT && target != DocumentStatus.SENT
                && !current.kind().canMove(DocumentStatus.DRAFT, target)
                && current.kind().canMove(DocumentStatus.SENT, target)) {
            current = changeStatus(writer, visible, current, DocumentStatus.SENT);
        }
        return changeStatus(writer, visible, current, target);
    }

    private FinanceDocument changeStatus(RecordWriter writer, Function<CompanyId, Optional<Company>> visible,
                                         FinanceDocument document, DocumentStatus status) {
        if (status == null) {
            throw FinanceException.of("status", "finance.error.status");
        }
        DocumentStatus before = document.status();
        document.changeStatus(status, writer.staffId(), clock.instant());
        FinanceDocument saved = save(document);
        history.record(saved.kind().recordType(), saved.id().value(), saved.version(), ChangeAction.UPDATED,
                writer.author(), RecordHistory.diff(Map.of("status", before.name()), Map.of("status", status.name())));
        log.info("{} moved {} {} from {} to {}", writer.logName(), saved.kind(), saved.number(), before, status);
        return saved;
    }

    private void delete(RecordWriter writer, FinanceDocument document) {
        if (!document.isDraft()) {
            throw FinanceException.of("", "finance.error.deleteNotDraft");
        }
        UUID id = document.id().value();
        int deleted = jdbc.sql("delete from finance_document where id = :id and version = :version")
                .param("id", id).param("version", document.version()).update();
        if (deleted == 0) {
            throw new StaleVersionException(document.kind().recordType() + " " + document.id());
        }
        history.record(document.kind().recordType(), id, document.version(), ChangeAction.DELETED, writer.author(),
                List.of());
        log.info("{} deleted draft {} {} ({})", writer.logName(), document.kind(), document.number(), id);
    }

    private FinanceDocument recordPayment(RecordWriter writer, FinanceDocument document, PaymentDetails input) {
        PaymentDetails payment = input.validated();
        String paidBefore = Money.format(document.paidTotal(), document.currencyCode());
        DocumentStatus statusBefore = document.status();
        Instant now = clock.instant();
        document.pay(payment.amount(), writer.staffId(), now);
        FinanceDocument saved = save(document);
        jdbc.sql("""
                        insert into finance_payment (id, document_id, paid_on, amount, method, reference, created_at,
                                                     created_by)
                        values (:id, :document, :paidOn, :amount, :method, :reference, :at, :by)""")
                .param("id", PaymentId.newId().value()).param("document", saved.id().value())
                .param("paidOn", Date.valueOf(payment.paidOn())).param("amount", payment.amount())
                .param("method", payment.method().name()).param("reference", payment.reference())
                .param("at", Timestamp.from(now)).param("by", writer.staffId()).update();
        Map<String, String> before = new LinkedHashMap<>();
        before.put("status", statusBefore.name());
        before.put("paid", paidBefore);
        Map<String, String> after = new LinkedHashMap<>();
        after.put("payment", payment.paidOn() + " · " + Money.format(payment.amount(), saved.currencyCode()) + " · "
                + payment.method().name() + (payment.reference().isEmpty() ? "" : " · " + payment.reference()));
        after.put("status", saved.status().name());
        after.put("paid", Money.format(saved.paidTotal(), saved.currencyCode()));
        history.record(saved.kind().recordType(), saved.id().value(), saved.version(), ChangeAction.UPDATED,
                writer.author(), RecordHistory.diff(before, after));
        log.info("{} recorded a payment of {} on {} {}", writer.logName(), payment.amount(), saved.kind(), saved.number());
        return saved;
    }

    private Page<Payment> payments(FinanceDocument document, Pageable pageable) {
        long total = jdbc.sql("select count(*) from finance_payment where document_id = :id")
                .param("id", document.id().value()).query(Long.class).single();
        List<Payment> rows = jdbc.sql("""
                        select p.id, p.paid_on, p.amount, p.method, p.reference, p.created_at, su.display_name
                        from finance_payment p left join staff_user su on su.id = p.created_by
                        where p.document_id = :id order by p.paid_on desc, p.created_at desc, p.id
                        limit :limit offset :offset""")
                .param("id", document.id().value()).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> new Payment(new PaymentId(rs.getObject("id", UUID.class)), document.id(),
                        rs.getObject("paid_on", LocalDate.class),
                        rs.getBigDecimal("amount").setScale(document.fractionDigits()),
                        PaymentMethod.valueOf(rs.getString("method")), rs.getString("reference"),
                        document.currencyCode(), rs.getString("display_name"), rs.getTimestamp("created_at").toInstant()))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    PrintableDocument printable(FinanceDocument document, Company company) {
        return printable(document, new PrintableDocument.Party(company.name(), company.address(), company.phone(),
                company.domain()));
    }

    /** As above, for a caller that has read the customer itself (a portal user's PDF, authorized by the portal). */
    PrintableDocument printable(FinanceDocument document, PrintableDocument.Party customer) {
        Totals totals = document.totals();
        List<PrintableDocument.Line> lines = new ArrayList<>();
        List<DocumentLine> source = document.lines();
        for (int i = 0; i < source.size(); i++) {
            DocumentLine line = source.get(i);
            lines.add(new PrintableDocument.Line(i + 1, line.description(), line.quantity().stripTrailingZeros(),
                    line.unit(), line.unitPrice(), line.discountPercent(), line.taxRate(), totals.lineNets().get(i)));
        }
        Optional<Organization> organization = organizations.current();
        var issuer = new PrintableDocument.Party(organization.map(o -> o.profile().name()).orElse(""), null, null,
                null);
        String sourceNumber = document.sourceDocumentId() == null ? null
                : documents.findById(document.sourceDocumentId()).map(FinanceDocument::number).orElse(null);
        String customerFlag = document.orderFlagId() == null ? null
                : flags.find(document.orderFlagId()).filter(OrderFlag::customerFlag).map(OrderFlag::name).orElse(null);
        return new PrintableDocument(document.kind(), document.number(), document.status(), document.issueDate(),
                document.dueDate(), document.currencyCode(), document.fractionDigits(), issuer, customer, lines,
                totals.taxes(), totals.net(), totals.tax(), totals.total(), document.paidTotal(),
                document.openAmount(), document.terms(), sourceNumber, customerFlag);
    }

    // ---- Helpers ----

    private FinanceDocument load(StaffPrincipal actor, FinanceDocumentId id) {
        return find(actor, id).orElseThrow(() -> FinanceException.of("", "record.error.notFound"));
    }

    private FinanceDocument load(ApiPrincipal client, DocumentKind kind, FinanceDocumentId id) {
        return find(client, kind, id).orElseThrow(() -> FinanceException.of("", "record.error.notFound"));
    }

    private Function<CompanyId, Optional<Company>> visible(StaffPrincipal actor) {
        return id -> companies.find(actor, id);
    }

    private Function<CompanyId, Optional<Company>> visible(ApiPrincipal client) {
        return id -> companies.find(client, id);
    }

    private static void requireVersion(FinanceDocument document, long expectedVersion) {
        if (document.version() != expectedVersion) {
            throw new StaleVersionException(document.kind().recordType() + " " + document.id());
        }
    }

    private FinanceDocument save(FinanceDocument document) {
        try {
            return documents.save(document);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException(document.kind().recordType() + " " + document.id());
        }
    }

    private DocumentDetails checked(Function<CompanyId, Optional<Company>> visible, DocumentKind kind,
                                    DocumentDetails input, FinanceDocumentId self) {
        Problems problems = new Problems();
        DocumentDetails details = null;
        try {
            details = input.validated();
        } catch (FinanceException e) {
            e.problems().forEach(problems::add);
        }
        if (input.company() != null && visible.apply(input.company()).isEmpty()) {
            problems.add("company", "finance.error.company");
        }
        String ref = Problems.clean(input.externalRef());
        if (ref != null && documents.findByExternalRef(kind.name(), ref).filter(other -> !other.id().equals(self))
                .isPresent()) {
            problems.add("externalRef", "record.error.externalRefTaken");
        }
        problems.throwIfAny();
        return details;
    }

    /** The fields as the record's history shows them. */
    private Map<String, String> snapshot(Function<CompanyId, Optional<Company>> visible, FinanceDocument document) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", document.number());
        fields.put("company", visible.apply(document.companyId()).map(Company::name).orElse(null));
        fields.put("status", document.status().name());
        fields.put("issueDate", String.valueOf(document.issueDate()));
        fields.put("dueDate", document.dueDate() == null ? null : document.dueDate().toString());
        fields.put("currency", document.currencyCode());
        fields.put("lines", document.lines().stream().map(line -> Money.plain(line.quantity())
                        + (line.unit().isEmpty() ? "" : " " + line.unit()) + " × " + line.description() + " @ "
                        + Money.plain(line.unitPrice())
                        + (line.discountPercent().signum() == 0 ? "" : " −" + Money.plain(line.discountPercent()) + " %")
                        + " (" + Money.plain(line.taxRate()) + " %)")
                .collect(Collectors.joining("; ")));
        fields.put("total", Money.format(document.total(), document.currencyCode()));
        fields.put("terms", document.terms());
        fields.put("internalNotes", document.internalNotes());
        fields.put("externalRef", document.externalRef());
        return fields;
    }

    private String flagName(OrderFlagId id) {
        return id == null ? null : flags.find(id).map(OrderFlag::name).orElse(null);
    }

    private static Map<String, String> mapOf(String key, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    /** A LIKE pattern that finds the text anywhere, with LIKE's wildcards taken literally. */
    static String contains(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
