package dev.foyer.pdf;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of the tax breakdown: the rate, the net amount taxed at it, and the tax. */
public record TaxLine(BigDecimal ratePercent, BigDecimal base, BigDecimal amount) {

    public TaxLine {
        Objects.requireNonNull(ratePercent, "ratePercent");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(amount, "amount");
    }
}
