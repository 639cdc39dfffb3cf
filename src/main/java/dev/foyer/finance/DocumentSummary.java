package dev.foyer.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dev.foyer.directory.CompanyId;

/** One row of a documents list; {@code overdue} is computed for the day the list was read. */
public record DocumentSummary(FinanceDocumentId id, DocumentKind kind, String number, CompanyId companyId,
                              String companyName, DocumentStatus status, boolean overdue, LocalDate issueDate,
                              LocalDate dueDate, String currency, BigDecimal total, BigDecimal openAmount,
                              Instant updatedAt) {

    public String totalText() {
        return Money.format(total, currency);
    }

    public String openText() {
        return Money.format(openAmount, currency);
    }
}
