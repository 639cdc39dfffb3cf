package dev.foyer.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The realistic documents the template editor previews (and whose fields the checker knows): a
 * seller and a customer with non-Latin letters, three lines with two tax rates and a discount,
 * a partial payment and terms.
 */
final class SampleDocuments {

    private SampleDocuments() {
    }

    /** The sample with every field filled, so a template's every name can be checked against it. */
    static PrintableDocument fullest() {
        return of(PrintKind.ORDER, Locale.ENGLISH);
    }

    static PrintableDocument of(PrintKind kind, Locale locale) {
        boolean german = "de".equals(locale.getLanguage());
        Party seller = new Party("Nordlicht Agentur GmbH",
                List.of("Große Bleichen 12", "20354 Hamburg", german ? "Deutschland" : "Germany"),
                "billing@nordlicht.example", "+49 40 1234 5678");
        Party customer = new Party("Łukasz Żółkiewski — Café Jeżyce",
                List.of("ul. Dąbrowskiego 5", "60-838 Poznań", german ? "Polen" : "Poland"),
                "lukasz@cafe-jezyce.example", "+48 61 555 01 23");
        List<PrintableLine> lines = List.of(
                new PrintableLine(german ? "Gestaltung der Speisekarte (Entwurf & Reinzeichnung)"
                        : "Menu design (draft & final artwork)", new BigDecimal("12"), german ? "Std." : "h",
                        new BigDecimal("95.00"), null, new BigDecimal("19"), new BigDecimal("1140.00")),
                new PrintableLine(german ? "Druck: 500 Speisekarten, Straßenverkauf-Edition"
                        : "Print: 500 menus, street-sale edition", new BigDecimal("500"), german ? "Stk." : "pcs",
                        new BigDecimal("1.20"), new BigDecimal("10"), new BigDecimal("19"), new BigDecimal("540.00")),
                new PrintableLine("Фотосъёмка блюд (Жанна Б.)", new BigDecimal("1"), null,
                        new BigDecimal("350.00"), null, new BigDecimal("7"), new BigDecimal("350.00")));
        List<TaxLine> taxes = List.of(
                new TaxLine(new BigDecimal("19"), new BigDecimal("1680.00"), new BigDecimal("319.20")),
                new TaxLine(new BigDecimal("7"), new BigDecimal("350.00"), new BigDecimal("24.50")));
        BigDecimal net = new BigDecimal("2030.00");
        BigDecimal tax = new BigDecimal("343.70");
        BigDecimal total = new BigDecimal("2373.70");
        BigDecimal paid = kind == PrintKind.INVOICE || kind == PrintKind.ORDER ? new BigDecimal("500.00") : BigDecimal.ZERO;
        String number = switch (kind) {
            case QUOTE -> "Q-2026-0042";
            case INVOICE -> "INV-2026-0107";
            case ORDER -> "ORD-2026-0031";
            case CONTRACT -> "CON-2026-0005";
        };
        String title = german ? "Neue Speisekarte für das Café" : "New menu for the café";
        String terms = german
                ? "Zahlbar innerhalb von 14 Tagen ohne Abzug.\nBitte geben Sie die Nummer bei der Zahlung an."
                : "Payable within 14 days without deduction.\nPlease quote the number with your payment.";
        return new PrintableDocument(kind, number, title, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 19), "EUR",
                seller, customer, lines, taxes, net, tax, total, paid, total.subtract(paid),
                german ? "Versendet" : "Sent", terms, kind == PrintKind.ORDER ? (german ? "In Produktion" : "In production")
                : null, locale);
    }
}
