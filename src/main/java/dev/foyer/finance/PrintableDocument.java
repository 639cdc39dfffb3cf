package dev.foyer.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a PDF of one document needs (issue 4 item 4), as customers may see it: header,
 * issuer, customer company, lines, totals and terms. Never internal notes or order tasks; of an
 * order's flags only a customer flag (ACC-6). Built by {@link FinanceDocuments#printable}.
 */
public record PrintableDocument(DocumentKind kind, String number, DocumentStatus status, LocalDate issueDate,
                                LocalDate dueDate, String currency, int fractionDigits, Party issuer, Party customer,
                                List<Line> lines, List<Totals.TaxAmount> taxes, BigDecimal net, BigDecimal tax,
                                BigDecimal total, BigDecimal paid, BigDecimal open, String terms,
                                String sourceNumber, String customerFlag) {

    public PrintableDocument {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
    }

    /** Who issues or receives the document. */
    public record Party(String name, String address, String phone, String domain) {
    }

    /** One line item with its net amount (after discount, before tax). */
    public record Line(int position, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       BigDecimal discountPercent, BigDecimal taxRate, BigDecimal net) {
    }
}
