package dev.foyer.pdf;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4: documents render to PDF with Foyer's shipped templates — every number, line and total
 * can be read back from the PDF, non-Latin text (é, ß, ł, Ж) prints, every font is embedded, and
 * page 1 of each kind is saved as a PNG under target/pdf to be looked at.
 */
class PdfRenderingTest {

    static final Path OUT = Path.of("target", "pdf");
    private final PdfRenderer renderer = new PdfRenderer();

    static PrintableDocument invoice(Locale locale) {
        Party seller = new Party("Müller & Söhne Druckerei GmbH", List.of("Straße des 17. Juni 5", "10623 Berlin"),
                "rechnung@mueller-soehne.example", "+49 30 123 456");
        Party customer = new Party("Łódź Café — Paweł Żak", List.of("ul. Piotrkowska 1", "90-001 Łódź", "Polska"),
                "pawel@lodz-cafe.example", null);
        List<PrintableLine> lines = List.of(
                new PrintableLine("Crème brûlée menu cards, café edition", new BigDecimal("250"), "pcs",
                        new BigDecimal("2.40"), null, new BigDecimal("19"), new BigDecimal("600.00")),
                new PrintableLine("Straßenschild-Gestaltung (Größe A1)", new BigDecimal("2"), "pcs",
                        new BigDecimal("480.00"), new BigDecimal("10"), new BigDecimal("19"), new BigDecimal("864.00")),
                new PrintableLine("Przewodnik po Łodzi, skład i łamanie", new BigDecimal("1.5"), "h",
                        new BigDecimal("1200.00"), null, new BigDecimal("7"), new BigDecimal("1800.00")),
                new PrintableLine("Журнал «Жизнь» — вёрстка обложки", new BigDecimal("1"), null,
                        new BigDecimal("350.00"), null, new BigDecimal("7"), new BigDecimal("350.00")));
        List<TaxLine> taxes = List.of(
                new TaxLine(new BigDecimal("19"), new BigDecimal("1464.00"), new BigDecimal("278.16")),
                new TaxLine(new BigDecimal("7"), new BigDecimal("2150.00"), new BigDecimal("150.50")));
        return new PrintableDocument(PrintKind.INVOICE, "INV-2026-0815", "Printing for the spring campaign",
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 15), "EUR", seller, customer, lines, taxes,
                new BigDecimal("3614.00"), new BigDecimal("428.66"), new BigDecimal("4042.66"),
                new BigDecimal("1000.00"), new BigDecimal("3042.66"), "Sent",
                "Payable within 14 days.\nIBAN DE02 1203 0000 0000 2020 51", null, locale);
    }

    @Test
    void anInvoiceShowsItsNumberLinesAndTotalsInGermanWithEmbeddedFonts() throws IOException {
        byte[] pdf = render(invoice(Locale.GERMAN));
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("invoice.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = normalized(new PDFTextStripper().getText(document));
            assertThat(text).contains("Rechnung", "INV-2026-0815", "01.04.2026", "15.04.2026");
            assertThat(text).contains("Crème brûlée menu cards, café edition", "Straßenschild-Gestaltung (Größe A1)",
                    "Przewodnik po Łodzi, skład i łamanie", "Журнал «Жизнь» — вёрстка обложки");
            assertThat(text).contains("Müller & Söhne Druckerei GmbH", "Łódź Café — Paweł Żak");
            // Amounts as German readers write them: 1.234,56 €.
            assertThat(text).contains("2,40 €", "600,00 €", "864,00 €", "1.800,00 €", "350,00 €", "10 %", "19 %", "7 %");
            assertThat(text).contains("3.614,00 €", "278,16 €", "150,50 €", "4.042,66 €", "1.000,00 €", "3.042,66 €");
            assertThat(inReadingOrder(document)).contains("Seite 1 von 1");
            assertEveryFontOfPageOneIsEmbedded(document);
        }
        savePageOne(pdf, "invoice-page1.png");
    }

    @Test
    void englishDocumentsPrintAmountsAndDatesTheEnglishWay() throws IOException {
        byte[] pdf = render(invoice(Locale.ENGLISH));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = normalized(new PDFTextStripper().getText(document));
            assertThat(text).contains("Invoice", "Apr 1, 2026", "Apr 15, 2026", "€1,800.00", "€4,042.66", "€3,042.66");
            assertThat(inReadingOrder(document)).contains("Page 1 of 1");
        }
    }

    @ParameterizedTest
    @EnumSource(PrintKind.class)
    void everyShippedTemplateRendersTheSampleDocumentOnA4(PrintKind kind) throws IOException {
        PrintableDocument sample = SampleDocuments.of(kind, Locale.ENGLISH);
        byte[] pdf = render(sample);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage first = document.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            assertThat(first.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
            String text = normalized(new PDFTextStripper().getText(document));
            assertThat(text).contains(sample.number(), "Łukasz Żółkiewski — Café Jeżyce", "Фотосъёмка блюд (Жанна Б.)",
                    "€2,373.70");
            assertEveryFontOfPageOneIsEmbedded(document);
        }
        savePageOne(pdf, "sample-" + kind.name().toLowerCase(Locale.ROOT) + "-page1.png");
    }

    @Test
    void aLongInvoiceBreaksAcrossPagesWithNumberedFooters() throws IOException {
        PrintableDocument base = invoice(Locale.ENGLISH);
        List<PrintableLine> many = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            many.add(new PrintableLine("Line item number " + i, BigDecimal.ONE, "pcs", BigDecimal.TEN, null,
                    new BigDecimal("19"), BigDecimal.TEN));
        }
        PrintableDocument longOne = new PrintableDocument(base.kind(), base.number(), base.title(), base.issueDate(),
                base.dueDate(), base.currency(), base.seller(), base.customer(), many, base.taxes(), base.net(),
                base.tax(), base.total(), base.paid(), base.open(), base.status(), base.terms(), null, Locale.ENGLISH);
        try (PDDocument document = Loader.loadPDF(render(longOne))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = normalized(new PDFTextStripper().getText(document));
            assertThat(text).contains("Line item number 1", "Line item number 60");
            assertThat(inReadingOrder(document)).contains("Page 1 of " + document.getNumberOfPages(),
                    "Page 2 of " + document.getNumberOfPages());
        }
    }

    private byte[] render(PrintableDocument document) {
        PdfTemplateDraft shipped = ShippedTemplates.of(document.kind());
        return renderer.render(TemplateSource.checked(shipped.html()).render(document), shipped.css(), document.number());
    }

    static void assertEveryFontOfPageOneIsEmbedded(PDDocument document) throws IOException {
        PDResources resources = document.getPage(0).getResources();
        List<String> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            fonts.add(font.getName());
            assertThat(font.isEmbedded()).as("font %s is embedded", font.getName()).isTrue();
        }
        assertThat(fonts).isNotEmpty().allMatch(name -> name.contains("DejaVuSans"));
    }

    static void savePageOne(byte[] pdf, String name) throws IOException {
        Files.createDirectories(OUT);
        Path png = OUT.resolve(name);
        Files.write(png, new PdfRenderer().firstPagePng(pdf, 110));
        assertThat(png).isNotEmptyFile();
    }

    /** The text as it reads on the page (the footer's page counters are drawn after the rest). */
    static String inReadingOrder(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return normalized(stripper.getText(document));
    }

    /** Text extraction gives no-break spaces where the formats put them (1.234,56 €); compare with plain ones. */
    static String normalized(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
