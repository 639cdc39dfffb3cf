package dev.foyer.finance.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.foyer.api.ApiFieldError;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ApiPage;
import dev.foyer.api.ApiPaging;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.ExternalRef;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.api.UpdatedSince;
import dev.foyer.directory.Companies;
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.Upserted;
import dev.foyer.finance.DocumentDetails;
import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.DocumentLine;
import dev.foyer.finance.DocumentStatus;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocumentId;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.finance.FinanceException;
import dev.foyer.finance.Money;
import dev.foyer.finance.Payment;
import dev.foyer.finance.PaymentDetails;
import dev.foyer.finance.PaymentMethod;
import dev.foyer.finance.Totals;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Issue 4 item 6: quotes, invoices, orders and contracts for integrations (an ERP pushes its
 * documents in): one resource per kind — {@code /api/v1/quotes}, {@code /invoices},
 * {@code /orders}, {@code /contracts} — with lists, get, create, update (draft content; internal
 * notes any time), upsert by external reference, delete of drafts, status transitions and invoice
 * payments. Amounts and decimals are JSON strings so that no client rounds them (docs/api.md).
 * One small controller per kind maps these endpoints under its own path.
 */
abstract class FinanceApiEndpoints {

    private static final String NOT_FOUND = "record.error.notFound";

    private final FinanceDocuments documents;
    private final Companies companies;
    private final MessageSource messages;
    private final DocumentKind kind;
    private final String kinds;

    FinanceApiEndpoints(FinanceDocuments documents, Companies companies, MessageSource messages, DocumentKind kind) {
        this.documents = documents;
        this.companies = companies;
        this.messages = messages;
        this.kind = kind;
        this.kinds = kind.plural();
    }

    record LineRepresentation(String description, String quantity, String unit, String unitPrice,
                              String discountPercent, String taxRate, String net) {
    }

    record TaxRepresentation(String rate, String base, String tax) {
    }

    record DocumentRepresentation(String id, DocumentKind kind, String number, String companyId,
                                  DocumentStatus status, boolean overdue, LocalDate issueDate, LocalDate dueDate,
                                  String currency, List<LineRepresentation> lines, String netTotal,
                                  List<TaxRepresentation> taxes, String taxTotal, String total, String paidTotal,
                                  String openAmount, String terms, String internalNotes, String sourceDocumentId,
                                  String orderFlagId, String externalRef, long version, Instant createdAt,
                                  Instant updatedAt) {

        static DocumentRepresentation of(FinanceDocument d, LocalDate today) {
            Totals totals = d.totals();
            List<LineRepresentation> lines = new ArrayList<>();
            List<DocumentLine> source = d.lines();
            for (int i = 0; i < source.size(); i++) {
                DocumentLine l = source.get(i);
                lines.add(new LineRepresentation(l.description(), plain(l.quantity()), l.unit(), plain(l.unitPrice()),
                        plain(l.discountPercent()), plain(l.taxRate()), totals.lineNets().get(i).toPlainString()));
            }
            return new DocumentRepresentation(d.id().toString(), d.kind(), d.number(), d.companyId().toString(),
                    d.status(), d.isOverdue(today), d.issueDate(), d.dueDate(), d.currencyCode(), lines,
                    totals.net().toPlainString(), totals.taxes().stream().map(t -> new TaxRepresentation(plain(t.rate()),
                    t.base().toPlainString(), t.tax().toPlainString())).toList(), totals.tax().toPlainString(),
                    totals.total().toPlainString(), d.paidTotal().toPlainString(), d.openAmount().toPlainString(),
                    d.terms(), d.internalNotes(), d.sourceDocumentId() == null ? null : d.sourceDocumentId().toString(),
                    d.orderFlagId() == null ? null : d.orderFlagId().toString(), d.externalRef(), d.version(),
                    d.createdAt(), d.updatedAt());
        }
    }

    /**
     * A document as a client writes it: the company by id or external reference; dates as
     * yyyy-MM-dd; numbers as strings or JSON numbers. A missing status keeps the current one (a
     * new document starts as DRAFT and moves on to the status given).
     */
    record DocumentInput(String companyId, String companyExternalRef, String issueDate, String dueDate,
                         String currency, List<LineInput> lines, String terms, String internalNotes, String status,
                         String externalRef, Long version) {
    }

    record LineInput(String description, String quantity, String unit, String unitPrice, String discountPercent,
                     String taxRate) {
    }

    record StatusInput(String status, Long version) {
    }

    record PaymentInput(String paidOn, String amount, String method, String reference, Long version) {
    }

    record PaymentRepresentation(String id, LocalDate paidOn, String amount, String currency, PaymentMethod method,
                                 String reference, Instant createdAt) {
        static PaymentRepresentation of(Payment p) {
            return new PaymentRepresentation(p.id().toString(), p.paidOn(), p.amount().toPlainString(), p.currency(),
                    p.method(), p.reference(), p.createdAt());
        }
    }

    @GetMapping
    @Operation(summary = "List documents of one kind", description = "Documents of companies outside the recycle bin, "
            + "ordered by updatedAt, then id.")
    ApiPage<DocumentRepresentation> list(@AuthenticationPrincipal ApiPrincipal client,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size,
                                         @RequestParam(name = UpdatedSince.PARAMETER, required = false) String updatedSince) {
        LocalDate today = documents.today();
        return ApiPage.of(documents.changedSince(client, kind, UpdatedSince.parse(updatedSince), ApiPaging.of(page, size)),
                d -> DocumentRepresentation.of(d, today));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a document")
    ResponseEntity<DocumentRepresentation> get(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id) {
        return ok(documents.find(client, kind, documentId(id)).orElseThrow(() -> new ApiNotFoundException(kinds)));
    }

    @GetMapping("/by-external-ref/{ref}")
    @Operation(summary = "Get a document by its external reference")
    ResponseEntity<DocumentRepresentation> getByRef(@AuthenticationPrincipal ApiPrincipal client,
                                                    @PathVariable String ref) {
        return ok(documents.findByExternalRef(client, kind, ExternalRef.required(ref))
                .orElseThrow(() -> new ApiNotFoundException(kinds)));
    }

    @GetMapping("/by-external-ref")
    @Operation(summary = "Get a document by its external reference, given as the ref parameter",
            description = "For references containing '/'.")
    ResponseEntity<DocumentRepresentation> getByRefParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                             @RequestParam(required = false) String ref) {
        return getByRef(client, ref);
    }

    @PostMapping
    @Operation(summary = "Create a document", description = "Answers 201 with Location. The number is Foyer's next "
            + "number of the kind. It starts as DRAFT and moves on to the status given (PARTLY_PAID and PAID come "
            + "from payments).")
    ResponseEntity<DocumentRepresentation> create(@AuthenticationPrincipal ApiPrincipal client,
                                                  @RequestBody DocumentInput input) {
        List<ApiFieldError> problems = new ArrayList<>();
        DocumentDetails details = details(client, input, optionalRef(input.externalRef()), problems);
        DocumentStatus status = status(input.status(), problems);
        try {
            requireNoProblems(problems, details);
            FinanceDocument created = documents.create(client, kind, details, status);
            return created(created);
        } catch (FinanceException e) {
            throw refused(e, problems, kinds);
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a document", description = "Send the version you read (body or If-Match); a stale "
            + "one gets 409. Company, dates, currency, lines and terms change only while DRAFT (else 400); internal "
            + "notes and the external reference any time. A status change must follow the kind's lifecycle.")
    ResponseEntity<DocumentRepresentation> update(@AuthenticationPrincipal ApiPrincipal client,
                                                  @PathVariable String id,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @RequestBody DocumentInput input) {
        FinanceDocumentId documentId = documentId(id);
        long version = ExpectedVersion.of(input.version(), ifMatch);
        documents.find(client, kind, documentId).orElseThrow(() -> new ApiNotFoundException(kinds));
        List<ApiFieldError> problems = new ArrayList<>();
        DocumentDetails details = details(client, input, optionalRef(input.externalRef()), problems);
        DocumentStatus status = status(input.status(), problems);
        try {
            requireNoProblems(problems, details);
            return ok(documents.update(client, kind, documentId, version, details, status));
        } catch (FinanceException e) {
            throw refused(e, problems, kinds);
        }
    }

    @PutMapping("/by-external-ref/{ref}")
    @Operation(summary = "Create or update a document by its external reference",
            description = "201 when created, 200 when updated; nothing is written when nothing differs.")
    ResponseEntity<DocumentRepresentation> upsert(@AuthenticationPrincipal ApiPrincipal client,
                                                  @PathVariable String ref,
                                                  @RequestBody DocumentInput input) {
        String externalRef = ExternalRef.required(ref);
        List<ApiFieldError> problems = new ArrayList<>();
        DocumentDetails details = details(client, input, externalRef, problems);
        DocumentStatus status = status(input.status(), problems);
        try {
            requireNoProblems(problems, details);
            Upserted<FinanceDocument> result = documents.upsert(client, kind, externalRef, input.version(), details,
                    status);
            return result.created() ? created(result.record()) : ok(result.record());
        } catch (FinanceException e) {
            throw refused(e, problems, kinds);
        }
    }

    @PutMapping("/by-external-ref")
    @Operation(summary = "Create or update a document by its external reference, given as the ref parameter",
            description = "For references containing '/'; otherwise as PUT /by-external-ref/{ref}.")
    ResponseEntity<DocumentRepresentation> upsertByParameter(@AuthenticationPrincipal ApiPrincipal client,
                                                             @RequestParam(required = false) String ref,
                                                             @RequestBody DocumentInput input) {
        return upsert(client, ref, input);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft", description = "Only drafts are deleted (else 400); send the version "
            + "(If-Match or ?version=). 204 when deleted. The number is not issued again.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestParam(required = false) Long version) {
        FinanceDocumentId documentId = documentId(id);
        long expected = ExpectedVersion.of(version, ifMatch);
        documents.find(client, kind, documentId).orElseThrow(() -> new ApiNotFoundException(kinds));
        try {
            documents.delete(client, kind, documentId, expected);
        } catch (FinanceException e) {
            throw refused(e, List.of(), kinds);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move a document along its lifecycle", description = "Body {\"status\": \"SENT\", "
            + "\"version\": 3} (or If-Match). An illegal transition gets 400 and changes nothing.")
    ResponseEntity<DocumentRepresentation> changeStatus(@AuthenticationPrincipal ApiPrincipal client,
                                                        @PathVariable String id,
                                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                        @RequestBody StatusInput input) {
        FinanceDocumentId documentId = documentId(id);
        long version = ExpectedVersion.of(input.version(), ifMatch);
        documents.find(client, kind, documentId).orElseThrow(() -> new ApiNotFoundException(kinds));
        List<ApiFieldError> problems = new ArrayList<>();
        DocumentStatus status = status(input.status(), problems);
        if (status == null && problems.isEmpty()) {
            problems.add(new ApiFieldError("status", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidApiRequestException(problems);
        }
        try {
            return ok(documents.changeStatus(client, kind, documentId, version, status));
        } catch (FinanceException e) {
            throw refused(e, List.of(), kinds);
        }
    }

    @GetMapping("/{id}/payments")
    @Operation(summary = "List an invoice's payments", description = "Newest first; paged like every list.")
    ApiPage<PaymentRepresentation> payments(@AuthenticationPrincipal ApiPrincipal client, @PathVariable String id, @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        try {
            return ApiPage.of(documents.payments(client, kind, documentId(id), ApiPaging.of(page, size)),
                    PaymentRepresentation::of);
        } catch (FinanceException e) {
            throw refused(e, List.of(), kinds);
        }
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Record a payment on an invoice", description = "Body {\"paidOn\": \"2026-03-10\", "
            + "\"amount\": \"100.00\", \"method\": \"BANK_TRANSFER\", \"reference\": \"…\", \"version\": 3}. Only on "
            + "SENT or PARTLY_PAID invoices; more than the open amount gets 400. Answers the invoice.")
    ResponseEntity<DocumentRepresentation> recordPayment(@AuthenticationPrincipal ApiPrincipal client,
                                                         @PathVariable String id,
                                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                         @RequestBody PaymentInput input) {
        FinanceDocumentId documentId = documentId(id);
        long version = ExpectedVersion.of(input.version(), ifMatch);
        documents.find(client, kind, documentId).orElseThrow(() -> new ApiNotFoundException(kinds));
        List<ApiFieldError> problems = new ArrayList<>();
        LocalDate paidOn = date(input.paidOn(), "paidOn", problems);
        BigDecimal amount = decimal(input.amount(), "amount", problems);
        PaymentMethod method = value(PaymentMethod.class, input.method(), "method", problems);
        if (!problems.isEmpty()) {
            throw new InvalidApiRequestException(problems);
        }
        try {
            return ok(documents.recordPayment(client, kind, documentId, version,
                    new PaymentDetails(paidOn, amount, method, input.reference())));
        } catch (FinanceException e) {
            throw refused(e, List.of(), kinds);
        }
    }

    // ---- Reading the input ----

    private DocumentDetails details(ApiPrincipal client, DocumentInput input, String externalRef,
                                    List<ApiFieldError> problems) {
        CompanyId company = null;
        if (input.companyExternalRef() != null) {
            company = companies.findByExternalRef(client, input.companyExternalRef()).map(c -> c.id()).orElse(null);
            if (company == null) {
                problems.add(new ApiFieldError("companyExternalRef", "no company has this external reference"));
            }
        } else if (input.companyId() != null) {
            company = CompanyId.parse(input.companyId()).orElse(null);
            if (company == null) {
                problems.add(new ApiFieldError("companyId", "is not an id"));
            }
        }
        List<DocumentLine> lines = new ArrayList<>();
        if (input.lines() != null) {
            for (int i = 0; i < input.lines().size(); i++) {
                LineInput line = input.lines().get(i);
                String prefix = "lines[" + i + "].";
                if (line == null) {
                    problems.add(new ApiFieldError("lines[" + i + "]", "is missing"));
                    continue;
                }
                lines.add(new DocumentLine(line.description(), decimal(line.quantity(), prefix + "quantity", problems),
                        line.unit(), decimal(line.unitPrice(), prefix + "unitPrice", problems),
                        orZero(decimal(line.discountPercent(), prefix + "discountPercent", problems)),
                        orZero(decimal(line.taxRate(), prefix + "taxRate", problems))));
            }
        }
        return new DocumentDetails(company, date(input.issueDate(), "issueDate", problems),
                date(input.dueDate(), "dueDate", problems), input.currency(), lines, input.internalNotes(),
                input.terms(), externalRef);
    }

    private static DocumentStatus status(String text, List<ApiFieldError> problems) {
        return value(DocumentStatus.class, text, "status", problems);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text, String field, List<ApiFieldError> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ApiFieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static LocalDate date(String text, String field, List<ApiFieldError> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new ApiFieldError(field, "must be a date (yyyy-MM-dd)"));
            return null;
        }
    }

    private static BigDecimal decimal(String text, String field, List<ApiFieldError> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("-?\\d{1,15}(\\.\\d{1,10})?")) {
            problems.add(new ApiFieldError(field, "must be a decimal number such as 12.50"));
            return null;
        }
        return new BigDecimal(text.strip());
    }

    /** A quantity, price or percentage without trailing zeros: "2", "1.5", "19". */
    private static String plain(BigDecimal value) {
        return Money.plain(value);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String optionalRef(String ref) {
        ExternalRef value = ExternalRef.ofNullable(ref);
        return value == null ? null : value.value();
    }

    private static FinanceDocumentId documentId(String id) {
        return FinanceDocumentId.parse(id).orElseThrow(() -> new ApiNotFoundException("document"));
    }

    // ---- Answers ----

    private ResponseEntity<DocumentRepresentation> ok(FinanceDocument document) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(document.version()))
                .body(DocumentRepresentation.of(document, documents.today()));
    }

    private ResponseEntity<DocumentRepresentation> created(FinanceDocument document) {
        return ResponseEntity.created(URI.create("/api/v1/" + kinds + "/" + document.id()))
                .header(HttpHeaders.ETAG, ExpectedVersion.etag(document.version()))
                .body(DocumentRepresentation.of(document, documents.today()));
    }

    /** Problems found while reading the input, together with every problem of the fields themselves. */
    private void requireNoProblems(List<ApiFieldError> problems, DocumentDetails details) {
        if (problems.isEmpty()) {
            return;
        }
        try {
            details.validated();
        } catch (FinanceException e) {
            throw refused(e, problems, "document");
        }
        throw new InvalidApiRequestException(problems);
    }

    /**
     * The domain's refusal as the API answers it: "does not exist" as 404, otherwise 400 with one
     * entry per field (after the problems already found), in English.
     */
    private RuntimeException refused(FinanceException e, List<ApiFieldError> earlier, String what) {
        if (earlier.isEmpty() && e.problems().size() == 1 && NOT_FOUND.equals(e.problems().get(""))) {
            return new ApiNotFoundException(what);
        }
        List<ApiFieldError> errors = new ArrayList<>(earlier);
        for (Map.Entry<String, String> problem : e.problems().entrySet()) {
            String field = problem.getKey().isEmpty() ? null
                    : "company".equals(problem.getKey()) ? "companyId" : problem.getKey();
            if (errors.stream().noneMatch(error -> field != null && error.field() != null
                    && (error.field().equals(field) || error.field().startsWith("company") && field.equals("companyId")))) {
                errors.add(new ApiFieldError(field, messages.getMessage(problem.getValue(), null, problem.getValue(),
                        Locale.ENGLISH)));
            }
        }
        return new InvalidApiRequestException(errors);
    }
}
