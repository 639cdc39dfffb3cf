package dev.foyer.finance.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.foyer.directory.CompanyId;
import dev.foyer.finance.DocumentDetails;
import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.DocumentLine;
import dev.foyer.finance.FinanceDocument;

/**
 * The document form with its line rows. Works without JavaScript: blank rows are ignored, and
 * "Add more line rows" ({@code addLines}) posts the form back to show more blank rows; the
 * company chooser narrows by {@code companyQuery}.
 */
record DocumentForm(String kind, String company, String companyQuery, String issueDate, String dueDate,
                    String currency, List<LineForm> lines, String internalNotes, String terms, String externalRef,
                    Long version, String addLines) {

    /** The version the form was read at; a form without one (or with a garbled one) is based on none. */
    long expectedVersion() {
        return version == null ? -1 : version;
    }

    static final int BLANK_ROWS = 3;
    static final int MORE_ROWS = 5;
    /** Decimals as typed: digits with "." or "," as the decimal mark, no grouping. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(?:[.,]\\d{1,10})?");

    DocumentForm {
        lines = lines == null ? List.of() : lines.stream().map(l -> l == null ? LineForm.blank() : l).toList();
    }

    /** What a form parses into: the details, problems of values that are not numbers or dates, and row numbers. */
    record Parsed(DocumentDetails details, Map<String, String> problems, List<Integer> rows) {

        /** The form's field name for a problem the domain reports (its lines skip blank rows). */
        String formField(String field) {
            var matcher = Pattern.compile("^lines\\[(\\d+)](.*)$").matcher(field);
            if (matcher.matches()) {
                int index = Integer.parseInt(matcher.group(1));
                return "lines[" + (index < rows.size() ? rows.get(index) : index) + "]" + matcher.group(2);
            }
            return field;
        }
    }

    static DocumentForm create(DocumentKind kind, CompanyId company, LocalDate today) {
        List<LineForm> rows = new ArrayList<>();
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(LineForm.blank());
        }
        return new DocumentForm(kind.name(), company == null ? "" : company.toString(), "", today.toString(),
                kind == DocumentKind.INVOICE ? today.plusDays(14).toString() : "", "EUR", rows, "", "", "", 0L, null);
    }

    static DocumentForm of(FinanceDocument document) {
        return new DocumentForm(document.kind().name(), document.companyId().toString(), "",
                document.issueDate().toString(), document.dueDate() == null ? "" : document.dueDate().toString(),
                document.currencyCode(), document.lines().stream().map(LineForm::of).toList(), document.internalNotes(),
                document.terms(), document.externalRef(), document.version(), null).padded(BLANK_ROWS);
    }

    /** Whether nothing was bound: a first visit rather than a form re-shown to find a company or add rows. */
    boolean untouched() {
        return companyQuery == null && issueDate == null;
    }

    boolean wantsMoreRows() {
        return addLines != null && !addLines.isBlank();
    }

    /** The same form with {@code blank} more empty rows at the end (and never more than the most lines allowed). */
    DocumentForm padded(int blank) {
        List<LineForm> rows = new ArrayList<>(lines);
        int room = DocumentDetails.MAX_LINES - (int) rows.stream().filter(l -> !l.isBlank()).count();
        for (int i = 0; i < Math.min(blank, Math.max(0, room)); i++) {
            rows.add(LineForm.blank());
        }
        return new DocumentForm(kind, company, companyQuery, issueDate, dueDate, currency, rows, internalNotes, terms,
                externalRef, version, null);
    }

    /** The stored document's form with what may change past draft: internal notes and the external reference. */
    DocumentForm withNotes(String notes, String ref, long newVersion) {
        return new DocumentForm(kind, company, companyQuery, issueDate, dueDate, currency, lines, notes, terms, ref,
                newVersion, null);
    }

    DocumentForm withVersion(long newVersion) {
        return new DocumentForm(kind, company, companyQuery, issueDate, dueDate, currency, lines, internalNotes, terms,
                externalRef, newVersion, null);
    }

    Parsed parse() {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate issue = date(issueDate, "issueDate", "finance.error.issueDate", problems);
        LocalDate due = date(dueDate, "dueDate", "finance.error.dueDateFormat", problems);
        List<DocumentLine> parsed = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineForm row = lines.get(i);
            if (row.isBlank()) {
                continue;
            }
            String prefix = "lines[" + i + "].";
            BigDecimal quantity = decimal(row.quantity(), null, prefix + "quantity", "finance.error.line.quantity", problems);
            BigDecimal price = decimal(row.unitPrice(), null, prefix + "unitPrice", "finance.error.line.unitPrice", problems);
            BigDecimal discount = decimal(row.discountPercent(), BigDecimal.ZERO, prefix + "discountPercent",
                    "finance.error.line.discount", problems);
            BigDecimal tax = decimal(row.taxRate(), BigDecimal.ZERO, prefix + "taxRate", "finance.error.line.taxRate",
                    problems);
            parsed.add(new DocumentLine(row.description(), quantity, row.unit(), price, discount, tax));
            rows.add(i);
        }
        DocumentDetails details = new DocumentDetails(CompanyId.parse(company).orElse(null), issue, due,
                currency == null ? null : currency.strip(), parsed, internalNotes, terms, externalRef);
        return new Parsed(details, problems, rows);
    }

    private static LocalDate date(String text, String field, String key, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, key);
            return null;
        }
    }

    /** A decimal as typed; "1,5" is 1.5. Blank gives {@code blank}; anything else unreadable is a problem. */
    private static BigDecimal decimal(String text, BigDecimal blank, String field, String key,
                                      Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return blank;
        }
        String value = text.strip();
        if (!DECIMAL.matcher(value).matches()) {
            problems.put(field, key);
            return null;
        }
        return new BigDecimal(value.replace(',', '.'));
    }
}
