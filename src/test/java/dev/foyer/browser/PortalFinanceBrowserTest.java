package dev.foyer.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.finance.DocumentStatus;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.TestAdmin;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;
import static dev.foyer.test.FinanceBuilders.aQuote;
import static dev.foyer.test.FinanceBuilders.line;
import static dev.foyer.test.PortalSiteScene.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXP-4 in a real browser: a portal user opens a quote with its line items, downloads its PDF,
 * tries to accept without confirming (the message shows next to the box), accepts with their name
 * and the confirmation, and sees the confirmation; the quote's owner gets the e-mail (GreenMail) and
 * sees the answer on the staff page. axe on every page; screenshots 170–173 in target/screenshots.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalFinanceBrowserTest extends PortalBrowserSupport {

    @Test
    void aPortalUserAcceptsAQuoteWithNameAndConfirmationAndTheOwnerIsTold() throws IOException {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = scene(admin, PortalUserStatus.AWAITING);
        FinanceDocument draft = aQuote().of(s.company.id()).issued(LocalDate.of(2026, 11, 20), LocalDate.of(2099, 12, 31))
                .with(line("Website design", "1", "2400.00", "0", "19"))
                .with(line("Hosting (12 months)", "12", "25.00", "10", "19"))
                .with(line("Printed brochure", "500", "0.80", "0", "7"))
                .withNotes("Margin " + SECRET).withTerms("Valid until the end of the year.").createdBy(finance, admin);
        FinanceDocument quote = finance.changeStatus(admin, draft.id(), draft.version(), DocumentStatus.SENT);
        acceptInvitation(admin, s.full.id(), s.fullEmail());

        String base = portalBase();
        Page page = portalSignIn(chromium.newDesktopPage(), base, s.fullEmail());
        page.navigate(base + "/finance/documents/" + quote.id().value());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Line items"))).isVisible();
        assertThat(page.getByText("Hosting (12 months)")).isVisible();
        checked(page, "170-portal-quote");

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF")).click());
        assertThat(download.suggestedFilename()).isEqualTo(quote.number() + ".pdf");
        assertThat(new String(Files.readAllBytes(download.path()), 0, 5)).isEqualTo("%PDF-");

        // Without the confirmation the browser's own check stops the form; the server says the same without it.
        page.getByLabel("Your full name").first().fill("Paula Portal");
        page.evaluate("document.querySelectorAll('form.site-quote-form').forEach(f => f.noValidate = true)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept quote")).click();
        assertThat(page.getByText("Tick the box to confirm.")).isVisible();
        checked(page, "171-portal-quote-confirm-missing");

        page.getByLabel("I accept this quote on behalf of " + s.company.name()).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept quote")).click();
        assertThat(page.getByText("Thank you: you accepted this quote.")).isVisible();
        assertThat(page.getByText("Accepted by Paula Portal on")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept quote"))).hasCount(0);
        checked(page, "172-portal-quote-accepted");

        delivery.runOnce();
        MimeMessage mail = messagesTo(TestAdmin.EMAIL).stream().filter(m -> subject(m).contains(quote.number()))
                .findFirst().orElseThrow();
        assertThat(subject(mail)).isEqualTo("Quote " + quote.number() + " was accepted by Paula Portal");
        assertThat(raw(mail)).contains(s.company.name()).contains("/finance/" + quote.id().value());

        Page staff = Chromium.signedIn(chromium.newDesktopPage(), "http://localhost:" + port, TestAdmin.EMAIL,
                TestAdmin.PASSWORD);
        staff.navigate("http://localhost:" + port + "/finance/" + quote.id().value());
        assertThat(staff.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Answer from the portal")))
                .isVisible();
        assertThat(staff.getByText("Paula Portal").first()).isVisible();
        assertAllTextResolved(staff);
        assertAccessible(staff);
        screenshot(staff, "173-staff-quote-answered");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
