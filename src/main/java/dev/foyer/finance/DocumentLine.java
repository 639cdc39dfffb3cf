package dev.foyer.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line item: what, how many (up to 4 decimals), in which unit, at which unit price (up to 4
 * decimals, before tax), with a discount in percent and a tax rate in percent (each up to 2
 * decimals, 0 to 100). Its net amount follows {@link Totals}.
 */
@Table("finance_document_line")
public record DocumentLine(String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                           BigDecimal discountPercent, BigDecimal taxRate) {

    public static final int DESCRIPTION_MAX = 500;
    public static final int UNIT_MAX = 20;
    public static final int QUANTITY_SCALE = 4;
    public static final int PRICE_SCALE = 4;
    public static final int PERCENT_SCALE = 2;
    /** Bounds that keep every total inside numeric(19, 4). */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
    public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000000");
    static final BigDecimal HUNDRED = new BigDecimal("100");

    /** Quantity × unit price, exactly, before the discount. */
    public BigDecimal gross() {
        return quantity.multiply(unitPrice);
    }

    /** The line's net amount: gross less the discount, rounded half up to the currency's digits. */
    public BigDecimal net(int fractionDigits) {
        BigDecimal afterDiscount = gross().multiply(HUNDRED.subtract(discountPercent)).movePointLeft(2);
        return afterDiscount.setScale(fractionDigits, RoundingMode.HALF_UP);
    }

    /** The same line with its numbers at their stored scales, so equal lines compare equal. */
    DocumentLine normalized() {
        return new DocumentLine(description == null ? null : description.strip(),
                quantity.setScale(QUANTITY_SCALE, RoundingMode.UNNECESSARY), unit == null ? "" : unit.strip(),
                unitPrice.setScale(PRICE_SCALE, RoundingMode.UNNECESSARY),
                discountPercent.setScale(PERCENT_SCALE, RoundingMode.UNNECESSARY),
                taxRate.setScale(PERCENT_SCALE, RoundingMode.UNNECESSARY));
    }
}
