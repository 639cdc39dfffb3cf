package dev.foyer.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment recorded against an invoice, with who recorded it. */
public record Payment(PaymentId id, FinanceDocumentId documentId, LocalDate paidOn, BigDecimal amount,
                      PaymentMethod method, String reference, String currency, String recordedBy,
                      Instant createdAt) {

    public String amountText() {
        return Money.format(amount, currency);
    }
}
