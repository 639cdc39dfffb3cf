package dev.foyer.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A document's totals in exact decimal arithmetic (docs/adr/004-money-and-rounding.md):
 * <ol>
 * <li>each line's net = quantity × unit price × (100 − discount) / 100, rounded half up to the
 * currency's fraction digits (EUR 2, JPY 0, KWD 3);</li>
 * <li>for each tax rate, tax = (sum of the line nets of that rate) × rate / 100, rounded half up
 * to the currency's digits — once per rate, never per line;</li>
 * <li>net total = sum of line nets; tax total = sum of the per-rate taxes; total = net + tax.</li>
 * </ol>
 */
public record Totals(List<BigDecimal> lineNets, List<TaxAmount> taxes, BigDecimal net, BigDecimal tax,
                     BigDecimal total) {

    /** The tax of one rate: the rate, the sum of the line nets it applies to, and the tax on that sum. */
    public record TaxAmount(BigDecimal rate, BigDecimal base, BigDecimal tax) {
    }

    public Totals {
        lineNets = List.copyOf(lineNets);
        taxes = List.copyOf(taxes);
    }

    public static Totals of(Currency currency, List<DocumentLine> lines) {
        return of(fractionDigits(currency), lines);
    }

    public static Totals of(int fractionDigits, List<DocumentLine> lines) {
        BigDecimal zero = BigDecimal.ZERO.setScale(fractionDigits);
        List<BigDecimal> nets = new ArrayList<>();
        // Rates compare by value: 19, 19.0 and 19.00 are one rate.
        Map<BigDecimal, BigDecimal> baseByRate = new TreeMap<>();
        BigDecimal net = zero;
        for (DocumentLine line : lines) {
            BigDecimal lineNet = line.net(fractionDigits);
            nets.add(lineNet);
            net = net.add(lineNet);
            baseByRate.merge(line.taxRate().stripTrailingZeros(), lineNet, BigDecimal::add);
        }
        List<TaxAmount> taxes = new ArrayList<>();
        BigDecimal tax = zero;
        for (var entry : baseByRate.entrySet()) {
            BigDecimal rateTax = entry.getValue().multiply(entry.getKey()).movePointLeft(2)
                    .setScale(fractionDigits, RoundingMode.HALF_UP);
            taxes.add(new TaxAmount(entry.getKey().setScale(DocumentLine.PERCENT_SCALE), entry.getValue(), rateTax));
            tax = tax.add(rateTax);
        }
        return new Totals(Collections.unmodifiableList(nets), taxes, net, tax, net.add(tax));
    }

    /** The currency's fraction digits; currencies without them (gold, SDRs) are not money Foyer handles. */
    public static int fractionDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("Currency " + currency + " has no fraction digits");
        }
        return digits;
    }
}
