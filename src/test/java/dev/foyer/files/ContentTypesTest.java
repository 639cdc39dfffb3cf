package dev.foyer.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3: the type of a file is told from its bytes, and only safe types are ever sent as such. */
class ContentTypesTest {

    @Test
    void imagesAndPdfAreToldByTheirMagicNumbers() {
        assertThat(ContentTypes.detect(Samples.PDF)).isEqualTo("application/pdf");
        assertThat(ContentTypes.detect(Samples.PNG)).isEqualTo("image/png");
        assertThat(ContentTypes.detect(Samples.JPEG)).isEqualTo("image/jpeg");
        assertThat(ContentTypes.detect(Samples.GIF)).isEqualTo("image/gif");
        assertThat(ContentTypes.detect(Samples.WEBP)).isEqualTo("image/webp");
    }

    @Test
    void officeAndOpenDocumentFilesAreToldFromOtherZips() {
        assertThat(ContentTypes.detect(Samples.officeOpenXml("word/"))).isEqualTo(ContentTypes.DOCX);
        assertThat(ContentTypes.detect(Samples.officeOpenXml("xl/"))).isEqualTo(ContentTypes.XLSX);
        assertThat(ContentTypes.detect(Samples.officeOpenXml("ppt/"))).isEqualTo(ContentTypes.PPTX);
        assertThat(ContentTypes.detect(Samples.openDocument(ContentTypes.ODT))).isEqualTo(ContentTypes.ODT);
        assertThat(ContentTypes.detect(Samples.openDocument("application/x-something"))).isEqualTo("application/zip");
        assertThat(ContentTypes.forDownload("application/zip")).isEqualTo("application/octet-stream");
    }

    @Test
    void plainTextAndCsvAreTextButMarkupIsNeverSentAsSuch() {
        assertThat(ContentTypes.detect(Samples.TEXT)).isEqualTo("text/plain");
        assertThat(ContentTypes.detect(Samples.CSV)).isEqualTo("text/plain");
        assertThat(ContentTypes.forDownload("text/plain")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(ContentTypes.detect(Samples.HTML)).isEqualTo("text/html");
        assertThat(ContentTypes.detect("  \n<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("text/html");
        assertThat(ContentTypes.detect("Dear customer, see <script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/html");
        assertThat(ContentTypes.forDownload("text/html")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.forDownload("image/svg+xml")).isEqualTo("application/octet-stream");
    }

    @Test
    void binaryAndUnknownContentIsOctetStream() {
        assertThat(ContentTypes.detect(Samples.BINARY)).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.detect(new byte[]{(byte) 0xC3, (byte) 0x28})).isEqualTo("application/octet-stream");
    }

    @Test
    void textWhoseLastCharacterIsCutByTheHeadIsStillText() {
        byte[] head = new byte[ContentTypes.HEAD];
        Arrays.fill(head, (byte) 'a');
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        head[head.length - 2] = euro[0];
        head[head.length - 1] = euro[1];
        assertThat(ContentTypes.detect(head)).isEqualTo("text/plain");
    }
}
