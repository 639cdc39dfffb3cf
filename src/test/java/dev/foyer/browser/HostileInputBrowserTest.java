package dev.foyer.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyDetails;
import dev.foyer.directory.ConsolidatedAccount;
import dev.foyer.directory.ConsolidatedAccounts;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactDetails;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 item 7: script and event-handler payloads planted in every text field render inert on
 * every staff page that shows them: escaped in the HTML, and no dialog ever opens in a browser.
 */
@FoyerFullStackTest
class HostileInputBrowserTest {

    static final String PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)>";

    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    ConsolidatedAccounts accounts;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Test
    void payloadsInEveryDirectoryAndStaffFieldRenderInert() {
        var admin = Admins.testAdmin(jdbc);
        ConsolidatedAccount account = accounts.create(admin, "Acct " + PAYLOAD, "ref-" + PAYLOAD);
        Company company = companies.create(admin, new CompanyDetails("Co " + PAYLOAD, null, "Addr " + PAYLOAD,
                "tel " + PAYLOAD.substring(0, 20), "Notes " + PAYLOAD, account.id(), "ext-" + PAYLOAD));
        Contact contact = contacts.create(admin, new ContactDetails("First " + PAYLOAD, "Last " + PAYLOAD, null,
                "tel " + PAYLOAD.substring(0, 20), "Title " + PAYLOAD.substring(0, 60), company.id(), true, false,
                "c-" + PAYLOAD));
        Company binned = companies.create(admin, new CompanyDetails("Binned " + PAYLOAD, null, null, null, null,
                null, null));
        companies.moveToRecycleBin(admin, binned.id(), binned.version());
        StaffUser staff = staffAccounts.create(admin, "hostile-" + System.nanoTime() + "@foyer.test",
                "Staff " + PAYLOAD, StaffRole.MEMBER, "a long enough passphrase");

        List<String> pages = List.of("/companies", "/companies?q=co", "/companies/" + company.id(),
                "/companies/" + company.id() + "/edit", "/contacts", "/contacts/" + contact.id(),
                "/contacts/" + contact.id() + "/edit", "/contacts/new?company=" + company.id(),
                "/consolidated-accounts", "/consolidated-accounts/" + account.id(), "/recycle-bin", "/staff",
                "/staff/" + staff.id(), "/companies/new");

        assertInert(pages, "company", "/companies/" + company.id());
    }

    @Test
    void payloadsSentThroughTheApiRenderInertOnStaffPages() throws Exception {
        String token = tokens.create(Admins.testAdmin(jdbc), "hostile sync", ApiScope.READ_WRITE, null).secret();
        ApiClient api = new ApiClient(port);
        String json = JSON.writeValueAsString(java.util.Map.of("name", "Api " + PAYLOAD, "address", "Addr " + PAYLOAD,
                "notes", "Notes " + PAYLOAD));
        var created = api.send("PUT", "/api/v1/companies/by-external-ref/hostile-" + System.nanoTime(), token, json);
        assertThat(created.statusCode()).isEqualTo(201);
        String companyId = JSON.readTree(created.body()).get("id").asText();
        String contact = JSON.writeValueAsString(java.util.Map.of("firstName", "F " + PAYLOAD, "lastName",
                "L " + PAYLOAD, "title", "T " + PAYLOAD.substring(0, 60), "companyId", companyId));
        var person = api.send("POST", "/api/v1/contacts", token, contact);
        assertThat(person.statusCode()).isEqualTo(201);
        String contactId = JSON.readTree(person.body()).get("id").asText();
        assertInert(List.of("/companies", "/companies/" + companyId, "/companies/" + companyId + "/edit", "/contacts",
                "/contacts/" + contactId, "/contacts/" + contactId + "/edit"), "api-company", "/companies/" + companyId);
    }

    private void assertInert(List<String> pages, String screenshotName, String headingPage) {
        List<String> dialogs = new ArrayList<>();
        try (Chromium chromium = Chromium.launch()) {
            Page page = chromium.newDesktopPage();
            page.onDialog(dialog -> {
                dialogs.add(page.url() + ": " + dialog.message());
                dialog.dismiss();
            });
            Chromium.signedIn(page, url(""), TestAdmin.EMAIL, TestAdmin.PASSWORD);
            for (String path : pages) {
                page.navigate(url(path));
                String html = page.content();
                // Escaped payloads show as text (&lt;img ... onerror=...&gt;); live markup would start with '<'.
                assertThat(html).as(path).doesNotContain("<script>alert", "<img src=x", "<img src=\"x\"",
                        "<svg onload");
                assertThat(page.locator("img[src=x], svg[onload], script:not([src])").count()).as(path).isZero();
            }
            page.navigate(url(headingPage));
            assertThat(page.locator("h1")).containsText("<script>alert(1)</script>");
            Chromium.screenshot(page, "29-hostile-input-" + screenshotName);
        }
        assertThat(dialogs).as("dialogs opened by planted payloads").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
