package dev.foyer.finance.web;

import dev.foyer.finance.DocumentLine;
import dev.foyer.finance.Money;

/** One line row of the document form, as typed; a row with nothing in it is no line. */
record LineForm(String description, String quantity, String unit, String unitPrice, String discountPercent,
                String taxRate) {

    static LineForm blank() {
        return new LineForm("", "", "", "", "", "");
    }

    static LineForm of(DocumentLine line) {
        return new LineForm(line.description(), Money.plain(line.quantity()), line.unit(), Money.plain(line.unitPrice()),
                Money.plain(line.discountPercent()), Money.plain(line.taxRate()));
    }

    boolean isBlank() {
        return blank(description) && blank(quantity) && blank(unit) && blank(unitPrice) && blank(discountPercent)
                && blank(taxRate);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
