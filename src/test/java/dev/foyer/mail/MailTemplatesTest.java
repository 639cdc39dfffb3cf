package dev.foyer.mail;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import dev.foyer.identity.EmailAddress;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 6: mail templates render subject, text and escaped HTML; messages refuse header injection. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates(messages(), "https://portal.example.com/");

    @Test
    void aTemplatePairRendersSubjectTextAndHtmlWithTheModelEscapedInTheHtmlOnly() {
        RenderedMail mail = templates.render("test-message", Map.of("organizationName", "Acme <script>alert(1)</script> & Co",
                "senderName", "Ada \"Admin\"", "server", new MailServer(false, "", 587, "")), Locale.ENGLISH);

        assertThat(mail.subject()).isEqualTo("Test e-mail from Acme <script>alert(1)</script> & Co");
        assertThat(mail.text()).startsWith("Hello,")
                .contains("this is a test e-mail from Acme <script>alert(1)</script> & Co's Foyer, sent by Ada \"Admin\".")
                .contains("https://portal.example.com/settings/outbox")
                .contains("No mail server is configured");
        assertThat(mail.html()).contains("Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co")
                .doesNotContain("<script>")
                .contains("href=\"https://portal.example.com/settings/outbox\"");
    }

    @Test
    void onlyTemplateNamesUnderTheMailFolderAreRendered() {
        assertThatThrownBy(() -> templates.render("../shell/home", Map.of(), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render("no-such-template", Map.of(), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageRefusesLineBreaksInHeadersAndAddressesThatAreNotOne() {
        EmailAddress to = new EmailAddress("casey@example.com");
        assertThatThrownBy(() -> mail("key", to, "Casey", "Hi\r\nBcc: someone@evil.example", "invitation"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail("key", to, "Casey\nBcc: x@evil.example", "Hi", "invitation"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail("key", new EmailAddress("a,b@example.com"), null, "Hi", "invitation"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail(" ", to, null, "Hi", "invitation")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail("key", to, null, "Hi", "Invitation!")).isInstanceOf(IllegalArgumentException.class);
        assertThat(mail(" key ", to, " ", " Hi ", "invitation")).satisfies(m -> {
            assertThat(m.idempotencyKey()).isEqualTo("key");
            assertThat(m.toName()).isNull();
            assertThat(m.subject()).isEqualTo("Hi");
        });
    }

    @Test
    void theLinksOfAMessageAreItsWebLinksOnceEachWithoutTrailingPunctuation() {
        OutboxEntry entry = new OutboxEntry(OutboxEntryId.newId(), "k", "invitation", "casey@example.com", null, "Hi",
                "Accept here: https://portal.example.com/invitations/abc?x=1&y=2. Or see (https://example.com/help).\n"
                        + "Not this: javascript:alert(1) nor ftp://example.com/file",
                "<a href=\"https://portal.example.com/invitations/abc?x=1&amp;y=2\">Accept</a>"
                        + "<a href='https://example.com/privacy'>Privacy</a><a href=\"javascript:alert(1)\">x</a>",
                "<id@example.com>", OutboxStatus.HELD, 0, null, null, null, null, null, Instant.now(), 0);

        assertThat(entry.links()).containsExactly("https://portal.example.com/invitations/abc?x=1&y=2",
                "https://example.com/help", "https://example.com/privacy");
    }

    @Test
    void theMessageIdIsTheSameForTheSameKeyAndDiffersForAnother() {
        String first = MessageIds.of("invitation:1", "https://portal.example.com");
        assertThat(first).isEqualTo(MessageIds.of("invitation:1", "https://portal.example.com"))
                .matches("<foyer\\.[0-9a-f]{40}@portal\\.example\\.com>")
                .isNotEqualTo(MessageIds.of("invitation:2", "https://portal.example.com"));
    }

    private static OutgoingMail mail(String key, EmailAddress to, String name, String subject, String purpose) {
        return new OutgoingMail(key, to, name, subject, "Body", null, purpose, null);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
