package dev.foyer.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.foyer.directory.Companies;
import dev.foyer.test.Admins;
import dev.foyer.test.Chromium;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.Chromium.assertAccessible;
import static dev.foyer.test.Chromium.assertAllTextResolved;
import static dev.foyer.test.Chromium.screenshot;
import static dev.foyer.test.DirectoryBuilders.aCompany;

/**
 * Issue 4: in a real browser, staff create a quote with line items (without JavaScript help), send
 * it, mark it accepted, convert it into an invoice, send the invoice and record a payment.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceBrowserTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
    @Autowired
    JdbcClient jdbc;
    Chromium chromium;

    @BeforeAll
    void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void close() {
        chromium.assertNoConsoleErrors();
        chromium.close();
    }

    @Test
    void staffQuoteAcceptConvertIntoAnInvoiceAndRecordAPayment() {
        aCompany().named("Kestrel Pottery Works").createdBy(companies, Admins.testAdmin(jdbc));
        Page page = Chromium.signedIn(chromium.newDesktopPage(), url(""), TestAdmin.EMAIL, TestAdmin.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Finance")).click();
        assertThat(page.locator("h1")).hasText("Financial documents");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New quote")).click();

        page.getByLabel("Line 1: description").fill("Vase catalogue design");
        page.getByLabel("Line 1: quantity").fill("abc");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the quote")).click();
        assertThat(page.locator(".error-summary")).containsText("Choose the document's company.");
        assertThat(page.locator(".error-summary")).containsText("Line 1: Enter a quantity greater than 0");
        assertThat(page.getByLabel("Line 1: description")).hasValue("Vase catalogue design");
        screenshot(page, "70-quote-form-errors");
        assertAccessible(page);

        page.getByLabel("Find a company").fill("kestrel");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        page.getByLabel("Company", EXACT).selectOption(new SelectOption().setLabel("Kestrel Pottery Works"));
        page.getByLabel("Line 1: quantity").fill("8");
        page.getByLabel("Line 1: unit", EXACT).fill("h");
        page.getByLabel("Line 1: unit price").fill("85");
        page.getByLabel("Line 1: tax rate in percent").fill("19");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add more line rows")).click();
        assertThat(page.getByLabel("Line 8: description")).isVisible();
        assertThat(page.getByLabel("Line 1: unit price")).hasValue("85");
        page.getByLabel("Line 2: description").fill("Printed catalogues, 32 pages");
        page.getByLabel("Line 2: quantity").fill("500");
        page.getByLabel("Line 2: unit", EXACT).fill("pcs");
        page.getByLabel("Line 2: unit price").fill("2,35");
        page.getByLabel("Line 2: discount in percent").fill("5");
        page.getByLabel("Line 2: tax rate in percent").fill("7");
        page.getByLabel("Terms for the customer").fill("Valid for 30 days. Prices exclude shipping.");
        page.getByLabel("Internal notes").fill("Printer quoted 1.90 per catalogue.");
        screenshot(page, "71-quote-form");
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the quote")).click();

        // 8 × 85.00 = 680.00; 500 × 2.35 = 1,175.00 less 5 % = 1,116.25; tax 129.20 + 78.14 (78.1375) = 207.34
        assertThat(page.locator("h1")).containsText("Quote Q-");
        assertThat(page.locator(".line-table tfoot")).containsText("1,796.25 EUR");
        assertThat(page.locator(".line-table tfoot")).containsText("Tax 7 % on 1,116.25 EUR");
        assertThat(page.locator(".line-table tfoot")).containsText("2,003.59 EUR");
        assertThat(page.locator("#notes-heading")).containsText("Internal");
        assertAllTextResolved(page);
        screenshot(page, "72-quote-draft");
        assertAccessible(page);

        changeStatus(page, "SENT");
        assertThat(page.locator(".alert-success")).containsText("The status is now Sent.");
        changeStatus(page, "ACCEPTED");
        assertThat(page.locator(".alert-success")).containsText("The status is now Accepted.");
        screenshot(page, "73-quote-accepted");
        assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convert into an invoice")).click();
        assertThat(page.locator("h1")).containsText("Invoice INV-");
        assertThat(page.locator(".alert-success")).containsText("Created from quote Q-");
        assertThat(page.locator(".line-table tfoot")).containsText("2,003.59 EUR");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true)).click();
        page.getByLabel("Due date").fill(java.time.LocalDate.now().plusDays(30).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".alert-success")).containsText("Saved.");
        changeStatus(page, "SENT");

        page.getByLabel("Amount in EUR").fill("1000");
        page.getByLabel("Method").selectOption("BANK_TRANSFER");
        page.getByLabel("Reference").fill("SEPA 2026-0042");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record payment")).click();
        assertThat(page.locator(".alert-success")).containsText("The payment was recorded.");
        assertThat(page.locator(".facts")).containsText("Partly paid");
        assertThat(page.locator(".line-table tfoot")).containsText("1,003.59 EUR");
        assertThat(page.locator("#payments-heading")).hasText("1 payment");
        assertAllTextResolved(page);
        screenshot(page, "74-invoice-partly-paid");
        assertAccessible(page);

        page.navigate(url("/finance?kind=INVOICE"));
        assertThat(page.locator("table")).containsText("Kestrel Pottery Works");
        assertThat(page.locator("table")).containsText("Partly paid");
        screenshot(page, "75-finance-list");
        assertAccessible(page);

        Page phone = Chromium.signedIn(chromium.newPhonePage(), url(""), TestAdmin.EMAIL, TestAdmin.PASSWORD);
        phone.navigate(page.url());
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("INV-").setExact(false)).first().click();
        screenshot(phone, "76-invoice-phone");
        assertAccessible(phone);
    }

    private static void changeStatus(Page page, String status) {
        page.getByLabel("Change the status to").selectOption(status);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
