package dev.foyer.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a template may show for one document; never internal notes or internal order tasks
 * (ACC-6): what is not in here cannot reach a PDF, whatever a template asks for.
 *
 * <ul>
 * <li>{@code terms} is <b>plain text</b>: it is escaped like every other value, and its line breaks
 * are kept (the shipped templates print it with {@code white-space: pre-line}). Sanitized rich text
 * would have to be printed unescaped, which templates never do (ADR 005).</li>
 * <li>{@code customerFlag} is an order's customer flag (ACC-6: only customer flags), else null.</li>
 * <li>{@code status} is printed as given, so pass the label the reader should see.</li>
 * <li>Amounts are printed in {@code currency} (ISO 4217, e.g. EUR) and numbers and dates in
 * {@code locale}'s conventions (1.234,56 € for de, €1,234.56 for en); a null locale prints English.</li>
 * </ul>
 */
public record PrintableDocument(PrintKind kind, String number, String title, LocalDate issueDate, LocalDate dueDate,
                                String currency, Party seller, Party customer, List<PrintableLine> lines,
                                List<TaxLine> taxes, BigDecimal net, BigDecimal tax, BigDecimal total, BigDecimal paid,
                                BigDecimal open, String status, String terms, String customerFlag, Locale locale) {

    public PrintableDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(customer, "customer");
        lines = lines == null ? List.of() : List.copyOf(lines);
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
        locale = locale == null ? Locale.ENGLISH : locale;
    }
}
