package dev.foyer.portal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The line items of one visible financial document with its totals per tax rate and grand total
 * (EXP-4), computed by docs/adr/004-money-and-rounding.md's rule. {@code amountsShown} is false when
 * the user type hides the kind's total (ACC-8): then every amount here is null and {@code taxes} is empty.
 */
public record PortalFinanceLines(String currency, boolean amountsShown, List<PortalFinanceLine> lines,
                                 List<TaxRateTotal> taxes, BigDecimal net, BigDecimal tax, BigDecimal total) {

    public PortalFinanceLines {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
    }

    /** The net amount taxed at one rate and the tax on it (rounded once per rate). */
    public record TaxRateTotal(BigDecimal rate, BigDecimal base, BigDecimal tax) {
    }
}
