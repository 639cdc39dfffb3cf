package dev.foyer.mail;

import java.util.UUID;

import dev.foyer.identity.EmailAddress;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 6: with no mail server configured, every e-mail is held in the outbox and admins read it
 * — links included — under Settings → Outbox; nobody else can.
 */
@FoyerWebTest
class OutboxWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Outbox outbox;
    @Autowired
    MailDelivery delivery;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutAMailServerMailsAreHeldNotSentAndTheListSaysSo() throws Exception {
        OutboxEntry entry = outbox.enqueue(invitation("held:" + UUID.randomUUID(), "held.person@example.com", "Held Person"));
        assertThat(entry.status()).isEqualTo(OutboxStatus.HELD);
        assertThat(entry.nextAttemptAt()).isNull();
        assertThat(delivery.runOnce().attempted()).isZero();

        mvc.perform(get("/settings/outbox").with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No mail server is configured")))
                .andExpect(content().string(containsString("FOYER_MAIL_HOST")))
                .andExpect(content().string(containsString("held.person@example.com")))
                .andExpect(content().string(containsString("Held Person")))
                .andExpect(content().string(containsString("Join Acme")))
                .andExpect(content().string(containsString("Invitation")));
    }

    @Test
    void theListFiltersByStatusAndPurposeAndFindsRecipientsByAddressOrName() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        outbox.enqueue(invitation("filter-a:" + tag, "alpha." + tag + "@example.com", "Alpha Person"));
        outbox.enqueue(new OutgoingMail("filter-b:" + tag, new EmailAddress("beta." + tag + "@example.com"), "Beta " + tag,
                "Weekly digest " + tag, "Digest", null, "digest", null));
        outbox.enqueue(invitation("filter-c:" + tag, "gamma_%." + tag + "@example.com", null));

        mvc.perform(get("/settings/outbox").param("q", "alpha." + tag).with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("alpha." + tag)))
                .andExpect(content().string(not(containsString("beta." + tag))))
                .andExpect(content().string(containsString("1 result")));
        mvc.perform(get("/settings/outbox").param("q", "BETA " + tag).with(user(admin())))
                .andExpect(content().string(containsString("beta." + tag)))
                .andExpect(content().string(not(containsString("alpha." + tag))));
        // LIKE's wildcards are taken literally.
        mvc.perform(get("/settings/outbox").param("q", "_%." + tag).with(user(admin())))
                .andExpect(content().string(containsString("gamma_%." + tag)))
                .andExpect(content().string(containsString("1 result")));
        mvc.perform(get("/settings/outbox").param("purpose", "digest").param("q", tag).with(user(admin())))
                .andExpect(content().string(containsString("Weekly digest " + tag)))
                .andExpect(content().string(not(containsString("alpha." + tag))))
                .andExpect(content().string(containsString("<option value=\"digest\" selected=\"selected\">digest</option>")));
        mvc.perform(get("/settings/outbox").param("status", "SENT").param("q", tag).with(user(admin())))
                .andExpect(content().string(containsString("No e-mails match these filters.")));
        mvc.perform(get("/settings/outbox").param("status", "HELD").param("q", tag).with(user(admin())))
                .andExpect(content().string(containsString("3 results")));
        // A status that does not exist filters nothing.
        mvc.perform(get("/settings/outbox").param("status", "BOGUS").param("q", tag).with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 results")));
    }

    @Test
    void theDetailShowsTheTextEscapedItsLinksAndTheHtmlOnlyInASandboxedFrame() throws Exception {
        OutboxEntry entry = outbox.enqueue(new OutgoingMail("detail:" + UUID.randomUUID(),
                new EmailAddress("reader@example.com"), "Rea <b>der</b>", "Hello <script>alert(1)</script>",
                "Accept here: https://portal.example.com/invitations/abc?token=1&next=2.\n<script>alert(2)</script>",
                "<p style=\"color:#123456\">Hi <a href=\"https://portal.example.com/invitations/abc?token=1&amp;next=2\">accept</a></p>"
                        + "<script>alert(3)</script><img src=\"https://tracker.example.com/pixel.gif\">",
                "invitation", null));

        String page = mvc.perform(get("/settings/outbox/" + entry.id()).with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hello &lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(2)&lt;/script&gt;")))
                .andExpect(content().string(containsString("Rea &lt;b&gt;der&lt;/b&gt;")))
                .andExpect(content().string(containsString(
                        "href=\"https://portal.example.com/invitations/abc?token=1&amp;next=2\"")))
                .andExpect(content().string(containsString("sandbox=\"\"")))
                .andExpect(content().string(containsString("src=\"/settings/outbox/" + entry.id() + "/html\"")))
                .andExpect(content().string(not(containsString("Send now"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("tracker.example.com/pixel.gif\"")
                .doesNotContain("color:#123456");

        // The HTML itself only comes in its own document, under a policy that forbids scripts and every request.
        mvc.perform(get("/settings/outbox/" + entry.id() + "/html").with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", OutboxController_POLICY))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("color:#123456")));
        // Every other page keeps Foyer's strict policy.
        mvc.perform(get("/settings/outbox/" + entry.id()).with(user(admin())))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
    }

    @Test
    void aTextOnlyMailHasNoHtmlVersionAndUnknownIdsAreNotFound() throws Exception {
        OutboxEntry entry = outbox.enqueue(invitation("text-only:" + UUID.randomUUID(), "plain@example.com", null));
        mvc.perform(get("/settings/outbox/" + entry.id()).with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<iframe"))));
        mvc.perform(get("/settings/outbox/" + entry.id() + "/html").with(user(admin()))).andExpect(status().isNotFound());
        mvc.perform(get("/settings/outbox/" + UUID.randomUUID()).with(user(admin()))).andExpect(status().isNotFound());
        mvc.perform(get("/settings/outbox/not-an-id").with(user(admin()))).andExpect(status().isNotFound());
    }

    @Test
    void withoutAMailServerRetryingAHeldMailIsRefusedAndChangesNothing() throws Exception {
        OutboxEntry entry = outbox.enqueue(invitation("retry-held:" + UUID.randomUUID(), "stay@example.com", null));
        mvc.perform(post("/settings/outbox/" + entry.id() + "/retry").param("version", String.valueOf(entry.version()))
                        .with(user(admin())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "outbox.error.noServer"));
        OutboxEntry after = outbox.find(admin(), entry.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OutboxStatus.HELD);
        assertThat(after.version()).isEqualTo(entry.version());
    }

    @Test
    void anAdminsTestMessageIsHeldForReadingAndABadAddressGetsAClearMessageAndQueuesNothing() throws Exception {
        long before = count();
        mvc.perform(post("/settings/outbox/test").param("address", "not an address").with(user(admin())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "address", "outbox.error.address"))
                .andExpect(content().string(containsString("Enter an e-mail address like name@example.com.")));
        assertThat(count()).isEqualTo(before);

        String location = mvc.perform(post("/settings/outbox/test").param("address", "Me@Example.com").with(user(admin())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("testQueued", "me@example.com"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(count()).isEqualTo(before + 1);
        mvc.perform(get(location).with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Test e-mail from Foyer Test Org")))
                .andExpect(content().string(containsString("this e-mail was kept in the outbox")))
                .andExpect(content().string(containsString("href=\"http://localhost:8080/settings/outbox\"")));
    }

    @Test
    void onlyAdminsReadTheOutboxAndOthersChangeNothing() throws Exception {
        OutboxEntry entry = outbox.enqueue(invitation("secret:" + UUID.randomUUID(), "secret@example.com", null));
        for (StaffRole role : new StaffRole[] {StaffRole.MANAGER, StaffRole.MEMBER}) {
            StaffPrincipal staff = staff(role);
            mvc.perform(get("/settings/outbox").with(user(staff))).andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString("secret@example.com"))));
            mvc.perform(get("/settings/outbox/" + entry.id()).with(user(staff))).andExpect(status().isForbidden());
            mvc.perform(get("/settings/outbox/" + entry.id() + "/html").with(user(staff))).andExpect(status().isForbidden());
            long before = count();
            mvc.perform(post("/settings/outbox/test").param("address", "x@example.com").with(user(staff)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/settings/outbox/" + entry.id() + "/retry").param("version", String.valueOf(entry.version()))
                    .with(user(staff)).with(csrf())).andExpect(status().isForbidden());
            assertThat(count()).isEqualTo(before);
            assertThat(outbox.find(admin(), entry.id()).orElseThrow().version()).isEqualTo(entry.version());
            mvc.perform(get("/settings").with(user(staff))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/settings").with(user(admin())))
                .andExpect(content().string(containsString("href=\"/settings/outbox\"")));
    }

    private static final String OutboxController_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static OutgoingMail invitation(String key, String to, String name) {
        return new OutgoingMail(key, new EmailAddress(to), name, "Join Acme's portal",
                "Accept: https://portal.example.com/invitations/" + key, null, "invitation", null);
    }

    private StaffPrincipal admin() {
        return Admins.testAdmin(jdbc);
    }

    private StaffPrincipal staff(StaffRole role) {
        var created = aStaffUser().withRole(role).createdBy(staffAccounts, admin());
        return new StaffPrincipal(created.id(), created.email(), created.displayName(), role, null);
    }

    private long count() {
        return jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
    }
}
