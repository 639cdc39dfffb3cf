package dev.foyer.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the portal-account tests (issue 6 items 3 and 7): one GreenMail SMTP server for the
 * whole run and the mail settings that point Foyer at it. Every test class that extends this and
 * carries {@link FoyerFullStackTest} shares one Spring context (same properties, same key), so
 * invitations, sign-in and the browser test cost one database between them.
 */
public abstract class PortalMailbox {

    protected static final int SMTP_PORT = freePort();
    protected static final GreenMail SMTP = start();
    private static final Pattern PORTAL_LINK = Pattern.compile("https?://\\S+/p/[a-z0-9-]+/[a-z-]+/[A-Za-z0-9_-]{43}");

    @DynamicPropertySource
    static void portalMailServer(DynamicPropertyRegistry registry) {
        registry.add("foyer.mail.host", () -> "127.0.0.1");
        registry.add("foyer.mail.port", () -> SMTP_PORT);
        registry.add("foyer.mail.starttls", () -> false);
        registry.add("foyer.mail.from", () -> "Foyer Portal <portal@foyer.test>");
        // Tests share one database, and some (the leak crawl) leave mail in the outbox on purpose: one
        // delivery run must send all of it, or a test's own invitation can wait behind a full batch.
        registry.add("foyer.mail.batch-size", () -> 100_000);
    }

    /** The messages GreenMail received for the address, oldest first. */
    protected static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The whole raw text of the message (headers and every part), for assertions. */
    protected static String raw(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message);
    }

    /** The first portal link (invitation or reset) in the message's plain-text part. */
    public static String portalLink(MimeMessage message) {
        String body = GreenMailUtil.getWholeMessage(message).replace("=\r\n", "").replace("=3D", "=");
        Matcher matcher = PORTAL_LINK.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No portal link in the message:\n" + body);
        }
        return matcher.group();
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
