package dev.foyer.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * HTML and CSS to PDF with openhtmltopdf (ADR 005). The HTML is parsed leniently (jsoup, as a
 * browser would), the CSS goes into a style element, and the page is A4 unless the CSS says
 * otherwise. Only the fonts Foyer ships are used — DejaVu Sans, embedded as subsets, also as the
 * fallback for any family a template names — so é, ß, ł and Ж print everywhere and every font is
 * embedded. Nothing outside the document is ever read: no http(s), file, jar or classpath URL, only
 * {@code data:} images (a logo pasted into the template).
 */
@Component
class PdfRenderer {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
    private static final float A4_WIDTH_MM = 210f;
    private static final float A4_HEIGHT_MM = 297f;

    private record FontFace(String resource, int weight, FontStyle style) {
    }

    private static final List<FontFace> FACES = List.of(
            new FontFace("DejaVuSans.ttf", 400, FontStyle.NORMAL),
            new FontFace("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
            new FontFace("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
            new FontFace("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));
    /** Generic families a template may name; all map to the shipped font so nothing falls back to unembedded base-14 fonts. */
    private static final List<String> ALIASES = List.of("sans-serif", "serif", "monospace", "Helvetica", "Arial",
            "Times New Roman", "Times", "Courier", "Courier New");

    private final List<byte[]> fonts;

    PdfRenderer() {
        this.fonts = FACES.stream().map(face -> readFont(face.resource())).toList();
    }

    /** The PDF of the HTML with the CSS; throws {@link RenderFailure} when openhtmltopdf cannot lay it out. */
    byte[] render(String html, String css, String title) {
        Document page = Jsoup.parse(html == null ? "" : html);
        Element head = page.head();
        head.select("base").remove();
        Element style = head.appendElement("style");
        style.appendChild(new DataNode(css == null ? "" : css));
        if (title != null && !title.isBlank() && page.title().isBlank()) {
            page.title(title);
        }
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(page);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useDefaultPageSize(A4_WIDTH_MM, A4_HEIGHT_MM, PageSizeUnits.MM);
            for (int i = 0; i < FACES.size(); i++) {
                FontFace face = FACES.get(i);
                byte[] bytes = fonts.get(i);
                builder.useFont(() -> new ByteArrayInputStream(bytes), FONT_FAMILY, face.weight(), face.style(), true,
                        EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE, FSFontUseCase.FALLBACK_FINAL));
                for (String alias : ALIASES) {
                    builder.useFont(() -> new ByteArrayInputStream(bytes), alias, face.weight(), face.style(), true,
                            EnumSet.of(FSFontUseCase.DOCUMENT));
                }
            }
            // Refuse every external resource before its URI is even resolved; data: images are inline, not fetched.
            builder.useExternalResourceAccessControl(PdfRenderer::allowed, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(PdfRenderer::allowed, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.useUriResolver((baseUri, uri) -> uri != null && isDataImage(uri) ? uri : null);
            builder.withProducer("Foyer");
            builder.withW3cDocument(dom, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            log.info("A PDF template could not be rendered: {}", e.toString());
            throw new RenderFailure(e);
        }
        return out.toByteArray();
    }

    /** Page 1 of a PDF as a PNG image at the given resolution. */
    byte[] firstPagePng(byte[] pdf, int dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean allowed(String uri, ExternalResourceType type) {
        boolean allowed = uri != null && type == ExternalResourceType.IMAGE_RASTER && isDataImage(uri);
        if (!allowed) {
            log.debug("Refused a PDF template's external resource: {} ({})", uri, type);
        }
        return allowed;
    }

    private static boolean isDataImage(String uri) {
        return uri.strip().toLowerCase(Locale.ROOT).startsWith("data:image/");
    }

    private static byte[] readFont(String name) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/pdf/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Foyer's font " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** openhtmltopdf could not lay out the document. */
    static final class RenderFailure extends RuntimeException {
        RenderFailure(Throwable cause) {
            super(cause);
        }
    }
}
