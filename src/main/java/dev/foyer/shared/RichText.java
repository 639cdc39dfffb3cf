package dev.foyer.shared;

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

    /** Whether the sanitized text has anything a reader would see. */
    public static boolean isBlank(String sanitizedHtml) {
        return sanitizedHtml == null || sanitizedHtml.replaceAll("<[^>]*>", "").replace("&nbsp;", " ").isBlank();
    }
}
