package dev.foyer.tickets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text of sanitized HTML, for a record's history (which prints it escaped). */
final class Texts {

    private static final int HISTORY_MAX = 500;
    private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

    private Texts() {
    }

    static String plain(String html) {
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
        return text.length() > HISTORY_MAX ? text.substring(0, HISTORY_MAX) + "…" : text;
    }
}
