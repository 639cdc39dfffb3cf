package dev.foyer.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Rich text (updates, documents, comments, descriptions) as safe HTML. Sanitized on the way in:
 * only formatting, lists, quotes, code and links (http, https, mailto) survive; scripts, event
 * handlers, styles, images and frames never do. Pages may then print the stored HTML as is.
 */
public final class RichText {

    /** The longest rich text Foyer keeps, in characters of sanitized HTML. */
    public static final int MAX_LENGTH = 100_000;
    /** The longest plain text a history entry shows of a rich field. */
    public static final int HISTORY_MAX = 500;

    private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "b", "i", "u", "s", "ul", "ol", "li", "blockquote", "code",
                    "pre", "h3", "h4", "hr")
            .allowElements("a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private RichText() {
    }

    /** Safe HTML for the given input; null or blank input gives an empty string. */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return POLICY.sanitize(html.strip());
    }

    /**
     * The plain text of sanitized HTML, shortened to {@value #HISTORY_MAX} characters: what a
     * record's history shows of a rich field (it prints it escaped).
     */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) {
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
        text = decoded.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&nbsp;", " ").replace("&amp;", "&").replaceAll("[ \\t]+", " ").replaceAll("\\n\\s*\\n+", "\n")
                .strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > HISTORY_MAX ? text.substring(0, HISTORY_MAX) + "\u2026" : text;
    }

    /** Whether the sanitized text has anything a reader would see. */
    public static boolean isBlank(String sanitizedHtml) {
        return sanitizedHtml == null || sanitizedHtml.replaceAll("<[^>]*>", "").replace("&nbsp;", " ").isBlank();
    }
}
