package dev.foyer.mail;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/** One message in the outbox, with its bodies and delivery state. */
public record OutboxEntry(OutboxEntryId id, String idempotencyKey, String purpose, String recipientAddress,
                          String recipientName, String subject, String textBody, String htmlBody, String messageId,
                          OutboxStatus status, int attempts, Instant notBefore, Instant nextAttemptAt,
                          Instant lastAttemptAt, String lastError, Instant sentAt, Instant createdAt, long version) {

    /** Admins read at most this many links of one message. */
    static final int MAX_LINKS = 50;
    private static final Pattern TEXT_LINK = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_LINK = Pattern.compile("href\\s*=\\s*([\"'])(https?://[^\"']+)\\1",
            Pattern.CASE_INSENSITIVE);

    public boolean hasHtml() {
        return htmlBody != null;
    }

    /**
     * The web links in the message, text version first, each once: what an admin hands on when no
     * mail server is configured (an invitation link, say). Only http and https links.
     */
    public List<String> links() {
        Set<String> links = new LinkedHashSet<>();
        Matcher text = TEXT_LINK.matcher(textBody);
        while (text.find() && links.size() < MAX_LINKS) {
            links.add(trimTrailingPunctuation(text.group()));
        }
        if (htmlBody != null) {
            Matcher html = HTML_LINK.matcher(htmlBody);
            while (html.find() && links.size() < MAX_LINKS) {
                links.add(HtmlUtils.htmlUnescape(html.group(2)));
            }
        }
        return List.copyOf(links);
    }

    /** A sentence's full stop or a closing bracket after a link is not part of it. */
    private static String trimTrailingPunctuation(String link) {
        int end = link.length();
        while (end > 0 && ".,;:!?)]}".indexOf(link.charAt(end - 1)) >= 0) {
            end--;
        }
        return link.substring(0, end);
    }
}
