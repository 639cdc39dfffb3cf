package dev.foyer.finance;

import java.awt.image.BufferedImage;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 4 acceptance: an invoice downloaded as a PDF — by staff from its page and by an integration — reads back by
 * text extraction with its number, lines and totals, never its internal notes; its first page is saved as
 * target/pdf/finance-invoice-page1.png to be looked at.
 */
@FoyerFullStackTest
class InvoicePdfTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    FinanceDocuments documents;
    @Autowired
    Companies companies;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anInvoicePdfShowsNumberLinesAndTotalsButNeverInternalNotes() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().named("Kestrel Print Works").createdBy(companies, admin);
        FinanceDocument invoice = documents.create(admin, DocumentKind.INVOICE, new DocumentDetails(company.id(),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 15), "EUR", List.of(
                        line("Letterpress business cards", "500", "pcs", "0.30", "0", "19"),
                        line("Design hours", "3.5", "h", "80.00", "10", "19"),
                        line("Art book, Straße & Łódź edition", "2", null, "45.00", "0", "7")),
                "Customer pays late; call before sending", "Payable within 14 days.", null));
        // Hand-computed: 150.00 + 252.00 (280.00 less 10 %) at 19 % = 402.00 → 76.38; 90.00 at 7 % → 6.30.
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        MockHttpServletResponse response = mvc.perform(get("/finance/" + invoice.id() + "/pdf").with(user(admin)))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
                .contains(invoice.number() + ".pdf");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        byte[] pdf = response.getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(invoice.number(), "Kestrel Print Works", "Letterpress business cards",
                    "Design hours", "Art book, Straße & Łódź edition", "150.00", "252.00", "90.00", "492.00",
                    "76.38", "6.30", "574.68", "Payable within 14 days.");
            assertThat(text).doesNotContain("call before sending");
            Path png = Path.of("target/pdf/finance-invoice-page1.png");
            Files.createDirectories(png.getParent());
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(page, "png", new File(png.toString()));
        }

        ApiClient api = new ApiClient(port);
        String token = tokens.create(admin, "ERP pdf " + System.nanoTime(), ApiScope.READ, null).secret();
        var download = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/invoices/" + invoice.id() + "/pdf"))
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(api.get("/api/v1/quotes/" + invoice.id() + "/pdf", token).statusCode())
                .as("an invoice is not a quote").isEqualTo(404);
    }

    private static DocumentLine line(String description, String quantity, String unit, String price, String discount,
                                     String tax) {
        return new DocumentLine(description, new BigDecimal(quantity), unit, new BigDecimal(price),
                new BigDecimal(discount), new BigDecimal(tax));
    }
}
