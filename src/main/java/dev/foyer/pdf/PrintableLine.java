package dev.foyer.pdf;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line item as printed. {@code net} is the line's amount after its discount and before tax, as
 * the document computed it (this module prints amounts; it does not compute them). Unit, discount
 * and tax rate may be null; so may unit price and net, for a reader who may not see amounts (ACC-8),
 * and they print empty.
 */
public record PrintableLine(String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                            BigDecimal discountPercent, BigDecimal taxRatePercent, BigDecimal net) {

    public PrintableLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
    }
}
