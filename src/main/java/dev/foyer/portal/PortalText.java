package dev.foyer.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Plain text in and out of the stored rich text (RichText HTML): a portal user writes plain text,
 * stored escaped so staff pages, which print comments as HTML, show exactly what was typed; the
 * portal prints everything as escaped plain text (no HTML rendering for portal users).
 */
public final class PortalText {

    private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

    private PortalText() {
    }

    /** Stored form of plain text: escaped, line breaks as {@code <br>}. */
    public static String toHtml(String plain) {
        return HtmlUtils.htmlEscape(plain.strip().replace("\r\n", "\n"), "UTF-8").replace("\n", "<br>");
    }

    /** The text of stored HTML: tags dropped, line breaks kept, entities decoded; null stays null. */
    public static String plain(String html) {
        if (html == null) {
            return null;
        }
        String text = html.replaceAll("(?i)<br\\s*/?>|</(p|li|h3|h4|blockquote|pre)>", "\n").replaceAll("<[^>]*>", "");
        Matcher matcher = NUMERIC.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            int codePoint = Integer.parseInt(matcher.group(2), matcher.group(1).isEmpty() ? 10 : 16);
            String replacement = Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : "";
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(decoded);
        return decoded.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&nbsp;", " ").replace("&amp;", "&").strip();
    }
}
