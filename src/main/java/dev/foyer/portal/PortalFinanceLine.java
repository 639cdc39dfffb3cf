package dev.foyer.portal;

import java.math.BigDecimal;

/**
 * One line item of a visible financial document as a portal user sees it (EXP-4). When the user
 * type hides the kind's total (ACC-8), every amount is null — unit price and line total would
 * otherwise add up to it; description, quantity, unit, discount and tax rate stay.
 */
public record PortalFinanceLine(int position, String description, BigDecimal quantity, String unit,
                                BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate,
                                BigDecimal lineTotal) {
}
