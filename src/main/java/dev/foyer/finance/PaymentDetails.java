package dev.foyer.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment as staff or a sync record it; the amount is checked against the invoice's open amount. */
public record PaymentDetails(LocalDate paidOn, BigDecimal amount, PaymentMethod method, String reference) {

    public static final int REFERENCE_MAX = 200;

    PaymentDetails validated() {
        Problems problems = new Problems();
        if (paidOn == null) {
            problems.add("paidOn", "finance.error.payment.date");
        }
        if (amount == null || amount.signum() <= 0) {
            problems.add("amount", "finance.error.payment.amount");
        }
        if (method == null) {
            problems.add("method", "finance.error.payment.method");
        }
        if (reference != null && reference.strip().length() > REFERENCE_MAX) {
            problems.add("reference", "finance.error.payment.reference");
        }
        problems.throwIfAny();
        return new PaymentDetails(paidOn, amount, method, reference == null ? "" : reference.strip());
    }
}
