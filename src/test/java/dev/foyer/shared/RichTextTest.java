package dev.foyer.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3 item 7: rich text is sanitized on the way in. */
class RichTextTest {

    @Test
    void scriptsEventHandlersAndDangerousUrlsAreRemoved() {
        String dirty = "<p onclick=\"steal()\">Hi <script>alert(1)</script><img src=x onerror=alert(2)>"
                + "<a href=\"javascript:alert(3)\">x</a><iframe src=\"//evil\"></iframe><style>*{}</style></p>";
        String clean = RichText.sanitize(dirty);
        assertThat(clean).doesNotContain("<script", "onerror", "onclick", "javascript:", "<iframe", "<style", "<img",
                "alert(1)");
        assertThat(clean).startsWith("<p>Hi ");
    }

    @Test
    void formattingListsAndSafeLinksSurvive() {
        String clean = RichText.sanitize("<p><strong>Bold</strong> <em>it</em></p><ul><li>one</li></ul>"
                + "<a href=\"https://example.com/x\">link</a>");
        assertThat(clean).contains("<strong>Bold</strong>", "<em>it</em>", "<ul><li>one</li></ul>",
                "href=\"https://example.com/x\"");
        // The rel values come in no fixed order.
        assertThat(clean).containsPattern("rel=\"[a-z ]*\"").contains("nofollow", "noopener", "noreferrer");
    }

    @Test
    void blankInputIsEmptyAndTagsAloneCountAsBlank() {
        assertThat(RichText.sanitize(null)).isEmpty();
        assertThat(RichText.sanitize("   ")).isEmpty();
        assertThat(RichText.isBlank(RichText.sanitize("<p> </p>"))).isTrue();
        assertThat(RichText.isBlank(RichText.sanitize("<p>x</p>"))).isFalse();
    }

    @Test
    void historiesShowRichTextAsPlainShortText() {
        assertThat(RichText.plainText("<p>Three <em>directions</em> &amp; a&nbsp;logo</p><p>Next</p>"))
                .isEqualTo("Three directions & a logo\nNext");
        assertThat(RichText.plainText("<p> </p>")).isNull();
        assertThat(RichText.plainText("<p>" + "x".repeat(600) + "</p>")).hasSize(RichText.HISTORY_MAX + 1).endsWith("\u2026");
    }
}
