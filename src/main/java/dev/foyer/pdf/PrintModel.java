package dev.foyer.pdf;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * What templates see of a {@link PrintableDocument}: maps, lists and strings only, every number,
 * amount and date already formatted for the document's locale, plus the labels ({@code t.*}) in
 * its language. The names here are the template language's vocabulary (ADR 005).
 */
final class PrintModel {

    private static final String LABELS = "pdf.labels";

    private PrintModel() {
    }

    static Map<String, Object> of(PrintableDocument doc) {
        Locale locale = doc.locale();
        Formats formats = new Formats(locale, doc.currency());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("kind", doc.kind().name());
        model.put("number", text(doc.number()));
        model.put("title", text(doc.title()));
        model.put("issueDate", formats.date(doc.issueDate()));
        model.put("dueDate", formats.date(doc.dueDate()));
        model.put("currency", text(doc.currency()));
        model.put("status", text(doc.status()));
        model.put("terms", text(doc.terms()));
        model.put("customerFlag", text(doc.customerFlag()));
        model.put("seller", party(doc.seller()));
        model.put("customer", party(doc.customer()));
        List<Map<String, Object>> lines = new ArrayList<>();
        boolean discounts = false;
        int position = 1;
        for (PrintableLine line : doc.lines()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("position", String.valueOf(position++));
            item.put("description", text(line.description()));
            item.put("quantity", formats.quantity(line.quantity()));
            item.put("unit", text(line.unit()));
            item.put("unitPrice", formats.money(line.unitPrice()));
            boolean discounted = line.discountPercent() != null && line.discountPercent().signum() != 0;
            discounts |= discounted;
            item.put("discount", discounted ? formats.percent(line.discountPercent()) : "");
            item.put("taxRate", formats.percent(line.taxRatePercent()));
            item.put("net", formats.money(line.net()));
            lines.add(item);
        }
        model.put("lines", lines);
        model.put("hasDiscounts", discounts);
        List<Map<String, Object>> taxes = new ArrayList<>();
        for (TaxLine tax : doc.taxes()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("rate", formats.percent(tax.ratePercent()));
            item.put("base", formats.money(tax.base()));
            item.put("amount", formats.money(tax.amount()));
            taxes.add(item);
        }
        model.put("taxes", taxes);
        model.put("net", formats.money(doc.net()));
        model.put("tax", formats.money(doc.tax()));
        model.put("total", formats.money(doc.total()));
        model.put("paid", formats.money(doc.paid()));
        model.put("open", formats.money(doc.open()));
        model.put("hasPayments", doc.paid() != null && doc.paid().signum() != 0);
        model.put("t", labels(locale));
        return model;
    }

    private static Map<String, Object> party(Party party) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", text(party.name()));
        map.put("addressLines", List.copyOf(party.addressLines()));
        map.put("email", text(party.email()));
        map.put("phone", text(party.phone()));
        return map;
    }

    /** The labels in the document's language, English when Foyer has no translation. */
    static Map<String, Object> labels(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(LABELS, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, Object> labels = new LinkedHashMap<>();
        for (String key : bundle.keySet()) {
            labels.put(key, bundle.getString(key));
        }
        return labels;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Numbers, amounts and dates in the conventions of one locale. */
    static final class Formats {
        private final Locale locale;
        private final NumberFormat money;
        private final NumberFormat quantity;
        private final NumberFormat percent;
        private final DateTimeFormatter date;

        Formats(Locale locale, String currencyCode) {
            this.locale = locale;
            this.money = moneyFormat(locale, currencyCode);
            this.quantity = NumberFormat.getNumberInstance(locale);
            quantity.setMinimumFractionDigits(0);
            quantity.setMaximumFractionDigits(4);
            this.percent = NumberFormat.getPercentInstance(locale);
            percent.setMinimumFractionDigits(0);
            percent.setMaximumFractionDigits(2);
            this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        }

        String money(BigDecimal amount) {
            return amount == null ? "" : money.format(amount);
        }

        String quantity(BigDecimal value) {
            return value == null ? "" : quantity.format(value);
        }

        String percent(BigDecimal value) {
            return value == null ? "" : percent.format(value.movePointLeft(2));
        }

        String date(LocalDate value) {
            return value == null ? "" : date.format(value);
        }

        Locale locale() {
            return locale;
        }

        private static NumberFormat moneyFormat(Locale locale, String currencyCode) {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            try {
                Currency currency = Currency.getInstance(currencyCode.strip().toUpperCase(Locale.ROOT));
                format.setCurrency(currency);
                format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
                format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
            } catch (IllegalArgumentException | NullPointerException e) {
                // Not an ISO 4217 code: print the number with the code after it rather than refuse the document.
                NumberFormat plain = NumberFormat.getNumberInstance(locale);
                plain.setMinimumFractionDigits(2);
                plain.setMaximumFractionDigits(2);
                return new CodeSuffixed(plain, currencyCode == null ? "" : currencyCode.strip());
            }
            return format;
        }
    }

    /** A number followed by a non-ISO currency code, e.g. "12.50 PTS". */
    private static final class CodeSuffixed extends NumberFormat {
        private final NumberFormat number;
        private final String code;

        CodeSuffixed(NumberFormat number, String code) {
            this.number = number;
            this.code = code;
        }

        @Override
        public StringBuffer format(double value, StringBuffer to, java.text.FieldPosition position) {
            return number.format(value, to, position).append(code.isEmpty() ? "" : "\u00a0" + code);
        }

        @Override
        public StringBuffer format(long value, StringBuffer to, java.text.FieldPosition position) {
            return number.format(value, to, position).append(code.isEmpty() ? "" : "\u00a0" + code);
        }

        @Override
        public StringBuffer format(Object value, StringBuffer to, java.text.FieldPosition position) {
            return number.format(value, to, position).append(code.isEmpty() ? "" : "\u00a0" + code);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition position) {
            // Templates only format; a parse reads the number and leaves the currency code unread.
            return number.parse(source, position);
        }
    }
}
