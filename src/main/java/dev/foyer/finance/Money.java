package dev.foyer.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Amounts as people read them: grouped, with the currency's digits and its code ("1,234.50 EUR"). */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount, String currencyCode) {
        if (amount == null || currencyCode == null) {
            return "";
        }
        int digits = Totals.fractionDigits(Currency.getInstance(currencyCode));
        return number(amount.setScale(digits, RoundingMode.HALF_UP), digits) + " " + currencyCode;
    }

    /** A decimal with grouping and exactly {@code digits} decimals, without a currency. */
    public static String number(BigDecimal value, int digits) {
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setParseBigDecimal(true);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A quantity or percentage without trailing zeros: 2, 1.5, 0.125. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
