package dev.foyer.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.foyer.test.FinanceBuilders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 4 acceptance: totals equal hand-computed values (docs/adr/004-money-and-rounding.md):
 * line net rounded half up after the discount, tax once per rate over the sum of its lines.
 */
class FinanceTotalsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void oneLineAtOneRate() {
        Totals totals = Totals.of(EUR, List.of(line("Flyers", "3", "10.00", "0", "19")));
        // 3 × 10.00 = 30.00; 19 % of 30.00 = 5.70
        assertTotals(totals, "30.00", "5.70", "35.70");
        assertThat(totals.lineNets()).containsExactly(new BigDecimal("30.00"));
    }

    @Test
    void aDiscountIsTakenBeforeTheLineIsRounded() {
        // 7 × 12.99 = 90.93; less 15 % = 77.2905 → 77.29; 19 % of 77.29 = 14.6851 → 14.69
        Totals totals = Totals.of(EUR, List.of(line("Posters", "7", "12.99", "15", "19")));
        assertTotals(totals, "77.29", "14.69", "91.98");
    }

    @Test
    void severalTaxRatesAreTaxedOncePerRateOverTheirLines() {
        Totals totals = Totals.of(EUR, List.of(
                line("Design", "1", "100.00", "0", "19"),      // 100.00
                line("Books", "2", "49.95", "0", "7"),         //  99.90
                line("Stickers", "3", "0.33", "0", "19"),      //   0.99
                line("Postage", "1", "10", "0", "0")));        //  10.00
        // net 210.89; 19 %: 100.99 → 19.1881 → 19.19; 7 %: 99.90 → 6.993 → 6.99; 0 %: 0.00
        assertTotals(totals, "210.89", "26.18", "237.07");
        assertThat(totals.taxes()).extracting(Totals.TaxAmount::rate)
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("7.00"), new BigDecimal("19.00"));
        assertThat(totals.taxes()).extracting(Totals.TaxAmount::base)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("99.90"), new BigDecimal("100.99"));
        assertThat(totals.taxes()).extracting(Totals.TaxAmount::tax)
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("6.99"), new BigDecimal("19.19"));
    }

    @Test
    void taxPerRateDiffersFromTaxPerLineAndFollowsTheRule() {
        // Per line, 19 % of 0.03 = 0.0057 would round to 0.01 three times (0.03); per rate it is
        // 19 % of 0.09 = 0.0171 → 0.02.
        Totals totals = Totals.of(EUR, List.of(line("A", "1", "0.03", "0", "19"), line("B", "1", "0.03", "0", "19"),
                line("C", "1", "0.03", "0", "19.0")));
        assertTotals(totals, "0.09", "0.02", "0.11");
        assertThat(totals.taxes()).as("19 and 19.0 are one rate").hasSize(1);
    }

    @Test
    void roundingAtTheBoundaryGoesHalfUp() {
        assertTotals(Totals.of(EUR, List.of(line("Half a cent", "1", "0.125", "0", "0"))), "0.13", "0.00", "0.13");
        assertTotals(Totals.of(EUR, List.of(line("Just below", "1", "0.1249", "0", "0"))), "0.12", "0.00", "0.12");
        assertTotals(Totals.of(EUR, List.of(line("Odd half", "1", "0.135", "0", "0"))), "0.14", "0.00", "0.14");
        // 10.05 less 50 % = 5.025 → 5.03
        assertTotals(Totals.of(EUR, List.of(line("Discount half", "1", "10.05", "50", "0"))), "5.03", "0.00", "5.03");
        // 1 % of 0.50 = 0.005 → 0.01
        assertTotals(Totals.of(EUR, List.of(line("Tax half", "1", "0.50", "0", "1"))), "0.50", "0.01", "0.51");
        // 19 % of 0.50 = 0.095 → 0.10; 2.5 × 0.33 = 0.825 → 0.83
        assertTotals(Totals.of(EUR, List.of(line("Tax half 19", "1", "0.50", "0", "19"))), "0.50", "0.10", "0.60");
        assertTotals(Totals.of(EUR, List.of(line("Quantity half", "2.5", "0.33", "0", "0"))), "0.83", "0.00", "0.83");
    }

    @Test
    void twoHundredLinesAddUpToTheHandComputedSums() {
        List<DocumentLine> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(line("Item " + i, String.valueOf(i + 1), "0.99", "0", i % 2 == 0 ? "19" : "7"));
        }
        // 19 %: quantities 1, 3, …, 199 sum to 10,000 → 9,900.00, tax 1,881.00;
        // 7 %: quantities 2, 4, …, 200 sum to 10,100 → 9,999.00, tax 699.93.
        Totals totals = Totals.of(EUR, lines);
        assertTotals(totals, "19899.00", "2580.93", "22479.93");
        assertThat(totals.lineNets()).hasSize(200);
    }

    @Test
    void discountsOnManyLinesRoundEachLineFirst() {
        List<DocumentLine> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(line("Hours", "1.5", "3.33", "10", "19"));
        }
        // 1.5 × 3.33 = 4.995, less 10 % = 4.4955 → 4.50 per line; 100 lines = 450.00; 19 % = 85.50
        assertTotals(Totals.of(EUR, lines), "450.00", "85.50", "535.50");
    }

    @Test
    void aFullDiscountAndQuantitiesWithDecimalsAreExact() {
        Totals totals = Totals.of(EUR, List.of(line("Free sample", "4", "12.50", "100", "19"),
                line("Hours", "2.5", "80.00", "0", "19"), line("Paper", "0.125", "12.40", "0", "19")));
        // 0.00 + 200.00 + 1.55 = 201.55; 19 % = 38.2945 → 38.29
        assertTotals(totals, "201.55", "38.29", "239.84");
    }

    @Test
    void currenciesRoundToTheirOwnDigits() {
        // Yen have no minor unit: 3 × 99.5 = 298.5 → 299; 10 % = 29.9 → 30
        assertTotals(Totals.of(Currency.getInstance("JPY"), List.of(line("Prints", "3", "99.5", "0", "10"))),
                "299", "30", "329");
        // Kuwaiti dinar have three: 1.2345 → 1.235; 5 % = 0.06175 → 0.062
        assertTotals(Totals.of(Currency.getInstance("KWD"), List.of(line("Prints", "1", "1.2345", "0", "5"))),
                "1.235", "0.062", "1.297");
    }

    @Test
    void anEmptyDocumentTotalsZero() {
        assertTotals(Totals.of(EUR, List.of()), "0.00", "0.00", "0.00");
        assertThatThrownBy(() -> Totals.fractionDigits(Currency.getInstance("XAU")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badLinesAreRefusedPerLineAndField() {
        var details = new DocumentDetails(null, null, null, "EURO", List.of(
                line("Fine", "1", "1", "0", "19"),
                line(" ", "0", "-1", "100.01", "-1"),
                line("Too precise", "1.00001", "0.00001", "0.001", "19.001")), null, null, null);
        assertThatThrownBy(details::validated).isInstanceOfSatisfying(FinanceException.class, e ->
                assertThat(e.problems()).containsEntry("company", "finance.error.company")
                        .containsEntry("issueDate", "finance.error.issueDate")
                        .containsEntry("currency", "finance.error.currency")
                        .containsEntry("lines[1].description", "finance.error.line.description")
                        .containsEntry("lines[1].quantity", "finance.error.line.quantity")
                        .containsEntry("lines[1].unitPrice", "finance.error.line.unitPrice")
                        .containsEntry("lines[1].discountPercent", "finance.error.line.discount")
                        .containsEntry("lines[1].taxRate", "finance.error.line.taxRate")
                        .containsEntry("lines[2].quantity", "finance.error.line.quantity")
                        .containsEntry("lines[2].unitPrice", "finance.error.line.unitPrice")
                        .containsEntry("lines[2].discountPercent", "finance.error.line.discount")
                        .containsEntry("lines[2].taxRate", "finance.error.line.taxRate")
                        .doesNotContainKey("lines[0].quantity"));
        assertThat(DocumentDetails.currency("XAU")).as("gold has no fraction digits").isNull();
        assertThat(DocumentDetails.currency("jpy")).isEqualTo(Currency.getInstance("JPY"));
    }

    private static void assertTotals(Totals totals, String net, String tax, String total) {
        assertThat(totals.net()).isEqualTo(new BigDecimal(net));
        assertThat(totals.tax()).isEqualTo(new BigDecimal(tax));
        assertThat(totals.total()).isEqualTo(new BigDecimal(total));
    }
}
