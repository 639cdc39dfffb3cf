package dev.foyer.finance;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

/** Amounts and decimals for templates: {@code ${@money.format(amount, 'EUR')}}, {@code ${@money.plain(quantity)}}. */
@Component("money")
public class MoneyDisplay {

    public String format(BigDecimal amount, String currencyCode) {
        return Money.format(amount, currencyCode);
    }

    public String plain(BigDecimal value) {
        return Money.plain(value);
    }

    /** A line in a sentence: "2 h × Design @ 80". */
    public String line(DocumentLine line) {
        return Money.plain(line.quantity()) + (line.unit() == null || line.unit().isEmpty() ? "" : " " + line.unit())
                + " × " + line.description() + " @ " + Money.plain(line.unitPrice());
    }
}
