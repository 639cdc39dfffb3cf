package dev.foyer.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import dev.foyer.directory.CompanyId;

/**
 * What staff (or a sync) say about a document; {@link #validated()} cleans it or names every
 * problem at once, per field and per line ({@code lines[2].quantity}).
 */
public record DocumentDetails(CompanyId company, LocalDate issueDate, LocalDate dueDate, String currency,
                              List<DocumentLine> lines, String internalNotes, String terms, String externalRef) {

    public static final int MAX_LINES = 200;
    public static final int TEXT_MAX = 10_000;
    /** Totals stay below this so they fit numeric(19, 4). */
    static final BigDecimal MAX_TOTAL = new BigDecimal("100000000000000");

    public DocumentDetails {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public DocumentDetails withExternalRef(String ref) {
        return new DocumentDetails(company, issueDate, dueDate, currency, lines, internalNotes, terms, ref);
    }

    public DocumentDetails validated() {
        Problems problems = new Problems();
        if (company == null) {
            problems.add("company", "finance.error.company");
        }
        if (issueDate == null) {
            problems.add("issueDate", "finance.error.issueDate");
        }
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            problems.add("dueDate", "finance.error.dueDate");
        }
        Currency money = currency(currency);
        if (money == null) {
            problems.add("currency", "finance.error.currency");
        }
        if (internalNotes != null && internalNotes.strip().length() > TEXT_MAX) {
            problems.add("internalNotes", "finance.error.internalNotes");
        }
        if (terms != null && terms.strip().length() > TEXT_MAX) {
            problems.add("terms", "finance.error.terms");
        }
        if (lines.size() > MAX_LINES) {
            problems.add("lines", "finance.error.tooManyLines");
        }
        List<DocumentLine> clean = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            DocumentLine line = lines.get(i);
            if (line == null) {
                problems.add("lines[" + i + "].description", "finance.error.line.description");
                continue;
            }
            if (checkLine(problems, "lines[" + i + "].", line)) {
                clean.add(line.normalized());
            }
        }
        String cleanRef = Problems.clean(externalRef);
        if (cleanRef != null && (cleanRef.length() > 200 || !cleanRef.chars().allMatch(c -> c >= 0x20 && c != 0x7f))) {
            problems.add("externalRef", "record.error.externalRef");
        }
        if (problems.isEmpty() && Totals.of(money, clean).total().compareTo(MAX_TOTAL) >= 0) {
            problems.add("lines", "finance.error.totalTooLarge");
        }
        problems.throwIfAny();
        return new DocumentDetails(company, issueDate, dueDate, money.getCurrencyCode(), clean,
                internalNotes == null ? "" : internalNotes.strip(), terms == null ? "" : terms.strip(), cleanRef);
    }

    /** An ISO 4217 currency with fraction digits, or null. */
    static Currency currency(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            return currency.getDefaultFractionDigits() < 0 ? null : currency;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean checkLine(Problems problems, String prefix, DocumentLine line) {
        boolean ok = true;
        String description = line.description() == null ? "" : line.description().strip();
        if (description.isEmpty() || description.length() > DocumentLine.DESCRIPTION_MAX) {
            problems.add(prefix + "description", "finance.error.line.description");
            ok = false;
        }
        if (line.unit() != null && line.unit().strip().length() > DocumentLine.UNIT_MAX) {
            problems.add(prefix + "unit", "finance.error.line.unit");
            ok = false;
        }
        BigDecimal quantity = line.quantity();
        if (quantity == null || quantity.signum() <= 0 || decimals(quantity) > DocumentLine.QUANTITY_SCALE
                || quantity.compareTo(DocumentLine.MAX_QUANTITY) > 0) {
            problems.add(prefix + "quantity", "finance.error.line.quantity");
            ok = false;
        }
        BigDecimal price = line.unitPrice();
        if (price == null || price.signum() < 0 || decimals(price) > DocumentLine.PRICE_SCALE
                || price.compareTo(DocumentLine.MAX_UNIT_PRICE) > 0) {
            problems.add(prefix + "unitPrice", "finance.error.line.unitPrice");
            ok = false;
        }
        if (!percent(line.discountPercent())) {
            problems.add(prefix + "discountPercent", "finance.error.line.discount");
            ok = false;
        }
        if (!percent(line.taxRate())) {
            problems.add(prefix + "taxRate", "finance.error.line.taxRate");
            ok = false;
        }
        return ok;
    }

    private static boolean percent(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.compareTo(DocumentLine.HUNDRED) <= 0
                && decimals(value) <= DocumentLine.PERCENT_SCALE;
    }

    /** Decimal places that carry a value: 1.50 has one, 100 has none. */
    static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }
}
