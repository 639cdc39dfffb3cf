package dev.foyer.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A financial document as a portal user sees it (EXP-4, ACC-5): never internal notes or order tasks;
 * of an order's flag only a customer flag's name (ACC-6); fields hidden by the kind's field rights
 * are null (ACC-8).
 */
public record PortalFinanceDocument(UUID id, FinanceKind kind, String number, String status, LocalDate issueDate,
                                    LocalDate dueDate, String currency, BigDecimal total, String terms,
                                    String customerFlag) {
}
