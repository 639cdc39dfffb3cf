package dev.foyer.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3: a stored file's name has no folders, no control or direction characters, and a bounded length. */
class FileNamesTest {

    @Test
    void foldersAreStrippedFromUnixAndWindowsPaths() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\ada\\Offer.docx")).isEqualTo("Offer.docx");
        assertThat(FileNames.sanitize("..")).isEqualTo("file");
        assertThat(FileNames.sanitize("folder/")).isEqualTo("file");
        assertThat(FileNames.sanitize(null)).isEqualTo("file");
    }

    @Test
    void controlAndBidiCharactersAreRemoved() {
        assertThat(FileNames.sanitize("in\u0000voice\r\n.pdf")).isEqualTo("invoice.pdf");
        // "invoice\u202Efdp.exe" would show as "invoiceexe.pdf".
        assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitize("  two   spaces\t.txt ")).isEqualTo("two spaces.txt");
    }

    @Test
    void markupIsKeptAsTextForTheTemplatesToEscape() {
        assertThat(FileNames.sanitize("<img src=x onerror=alert(1)>.png")).isEqualTo("<img src=x onerror=alert(1)>.png");
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String name = FileNames.sanitize("x".repeat(500) + ".pdf");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("x.pdf");
    }
}
