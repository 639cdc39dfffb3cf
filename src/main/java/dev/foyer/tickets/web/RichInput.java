package dev.foyer.tickets.web;

import org.springframework.web.util.HtmlUtils;

/**
 * Text from a plain textarea: typed text without any markup becomes paragraphs and line breaks;
 * text with markup is left as it is. The service sanitizes either way.
 */
final class RichInput {

    private RichInput() {
    }

    static String fromTextarea(String text) {
        if (text == null || text.isBlank() || text.contains("<")) {
            return text;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().replace("\r\n", "\n").split("\\n\\s*\\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
        }
        return html.toString();
    }
}
