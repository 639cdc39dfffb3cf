package dev.foyer.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADR 005: an admin's template shows the document's fields and nothing else. It cannot call a
 * method, a static class or a bean (there are no expressions, only names over plain data), it
 * cannot print customer data unescaped, and the renderer fetches nothing outside the document.
 */
class TemplateSandboxTest {

    private final PdfRenderer renderer = new PdfRenderer();
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        // A server on the loopback address counts what the renderer asks of it: it must be nothing.
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "body { color: red; }".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void expressionsThatWouldCallMethodsStaticClassesOrBeansAreRefusedAsSyntaxErrors() {
        for (String hostile : new String[]{"{{T(java.lang.Runtime).getRuntime().exec('id')}}",
                "{{number.getClass()}}", "{{@pdfTemplates.list()}}", "{{#ctx.request}}x{{/ctx.request}}",
                "{{${number}}}", "{{number ?: 'x'}}", "{{ new java.io.File('/') }}"}) {
            assertThatThrownBy(() -> TemplateSource.checked("<p>" + hostile + "</p>"))
                    .as(hostile).isInstanceOf(PdfTemplateException.class)
                    .satisfies(e -> assertThat(((PdfTemplateException) e).problems().getFirst().field()).isEqualTo("html"));
        }
    }

    @Test
    void namesOutsideTheDocumentAreUnknownEvenWhenTheyLookLikeJavaProperties() {
        for (String name : new String[]{"number.class", "seller.class.classLoader", "lines.size", "locale",
                "environment", "request", "session", "customer.internalNotes", "t.missingLabel"}) {
            assertThatThrownBy(() -> TemplateSource.checked("<p>{{" + name + "}}</p>"))
                    .as(name).isInstanceOf(PdfTemplateException.class)
                    .extracting(e -> ((PdfTemplateException) e).problems().getFirst().messageKey())
                    .isEqualTo("pdfTemplates.syntax.unknownName");
        }
    }

    @Test
    void syntaxErrorsNameTheirLineAndColumn() {
        PdfTemplateException unclosed = catchProblem("<p>\n  {{#lines}}<b>{{description}}</b>\n</p>");
        assertThat(unclosed.problems().getFirst().messageKey()).isEqualTo("pdfTemplates.syntax.unclosedSection");
        assertThat(unclosed.problems().getFirst().arguments()).containsExactly(2, 3, "lines");
        PdfTemplateException triple = catchProblem("<p>{{{terms}}}</p>");
        assertThat(triple.problems().getFirst().messageKey()).isEqualTo("pdfTemplates.syntax.triple");
        PdfTemplateException wrong = catchProblem("{{#lines}}{{/taxes}}");
        assertThat(wrong.problems().getFirst().messageKey()).isEqualTo("pdfTemplates.syntax.wrongClose");
        PdfTemplateException open = catchProblem("<p>{{number</p>");
        assertThat(open.problems().getFirst().messageKey()).isEqualTo("pdfTemplates.syntax.unclosedTag");
        PdfTemplateException list = catchProblem("<p>{{lines}}</p>");
        assertThat(list.problems().getFirst().messageKey()).isEqualTo("pdfTemplates.syntax.notAValue");
    }

    @Test
    void customerDataIsEscapedSoItCannotAddMarkupOrBreakOutOfAnAttribute() {
        Party hostile = new Party("<img src=\"http://127.0.0.1/x\"> \" onload=\"x", java.util.List.of("<script>1</script>"),
                "a'b@example.com", null);
        PrintableDocument sample = SampleDocuments.of(PrintKind.INVOICE, Locale.ENGLISH);
        PrintableDocument document = new PrintableDocument(sample.kind(), "<b>1</b>", sample.title(), sample.issueDate(),
                sample.dueDate(), sample.currency(), sample.seller(), hostile, sample.lines(), sample.taxes(),
                sample.net(), sample.tax(), sample.total(), sample.paid(), sample.open(), sample.status(),
                "</p><h1>terms</h1>", null, Locale.ENGLISH);
        String html = TemplateSource.checked("<p title=\"{{customer.name}}\">{{customer.name}} {{number}} {{terms}}"
                + "{{#customer.addressLines}}{{.}}{{/customer.addressLines}} {{customer.email}}</p>").render(document);
        assertThat(html).doesNotContain("<img", "<b>", "<script>", "<h1>", "\" onload")
                .contains("&lt;img src=&quot;http://127.0.0.1/x&quot;&gt;", "&lt;b&gt;1&lt;/b&gt;",
                        "&lt;script&gt;1&lt;/script&gt;", "a&#39;b@example.com");
    }

    @Test
    void remoteUrlsInImagesStylesheetsImportsAndFontsAreNeverFetched() throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String html = "<html><head><link rel=\"stylesheet\" href=\"" + base + "/style.css\"></head><body>"
                + "<img src=\"" + base + "/logo.png\"><p style=\"background: url('" + base + "/bg.png')\">{{number}}</p>"
                + "<object data=\"" + base + "/x.pdf\"></object></body></html>";
        String css = "@import url(\"" + base + "/import.css\");\n@font-face { font-family: Remote; src: url(\"" + base
                + "/font.ttf\"); }\nbody { font-family: Remote; background-image: url(\"" + base + "/body.png\"); }";
        byte[] pdf = renderer.render(TemplateSource.checked(html).render(SampleDocuments.of(PrintKind.INVOICE,
                Locale.ENGLISH)), css, "x");
        assertThat(requests.get()).as("requests to the remote server").isZero();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("INV-2026-0107");
            PdfRenderingTest.assertEveryFontOfPageOneIsEmbedded(document);
        }
    }

    @Test
    void localFilesAndClasspathResourcesAreNotRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.css");
        Files.writeString(secret, "p::after { content: 'SECRET-FROM-DISK'; }");
        String html = "<html><head><link rel=\"stylesheet\" href=\"" + secret.toUri() + "\">"
                + "<link rel=\"stylesheet\" href=\"classpath:/pdf/templates/standard.css\">"
                + "<link rel=\"stylesheet\" href=\"jar:file:/nothing.jar!/x.css\"></head>"
                + "<body><p>{{number}}</p><img src=\"file:///etc/hostname\"></body></html>";
        byte[] pdf = renderer.render(TemplateSource.checked(html).render(SampleDocuments.of(PrintKind.QUOTE,
                Locale.ENGLISH)), "", "x");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Q-2026-0042").doesNotContain("SECRET-FROM-DISK");
        }
    }

    @Test
    void anInlineDataImageSuchAsALogoIsAllowed() throws IOException {
        // A 1×1 PNG: pasting a logo as a data URI is how a template shows one without fetching anything.
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        Base64.getDecoder().decode(png);
        byte[] pdf = renderer.render("<p><img src=\"data:image/png;base64," + png
                + "\" style=\"width: 20mm; height: 20mm\"> logo</p>", "", "x");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
    }

    private static PdfTemplateException catchProblem(String html) {
        try {
            TemplateSource.checked(html);
        } catch (PdfTemplateException e) {
            return e;
        }
        throw new AssertionError("accepted: " + html);
    }
}
