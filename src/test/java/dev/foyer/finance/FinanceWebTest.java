package dev.foyer.finance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.FinanceBuilders.aDocument;
import static dev.foyer.test.FinanceBuilders.aQuote;
import static dev.foyer.test.FinanceBuilders.anInvoice;
import static dev.foyer.test.FinanceBuilders.line;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 4 item 5: staff list, create, edit, send, convert and pay financial documents in the browser's forms. */
@FoyerWebTest
class FinanceWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FinanceDocuments documents;
    @Autowired
    Companies companies;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerCreatesAQuoteWithLinesAfterSeeingEveryProblemPerLine() throws Exception {
        StaffPrincipal manager = staff(StaffRole.MANAGER);
        Company company = aCompany().named("Kiln & Co " + System.nanoTime()).createdBy(companies, Admins.testAdmin(jdbc));
        long before = count();
        mvc.perform(withLines(post("/finance").with(user(manager)).with(csrf()).param("kind", "QUOTE")
                        .param("company", company.id().toString()).param("issueDate", "2026-03-02")
                        .param("dueDate", "2026-02-01").param("currency", "EURO"),
                        new String[]{"Logo design", "1", "h", "500", "", "19"},
                        new String[]{"", "", "", "", "", ""},
                        new String[]{"Business cards", "abc", "pcs", "-1", "150", "19,5"}))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "dueDate", "finance.error.dueDate"))
                .andExpect(model().attributeHasFieldErrorCode("form", "currency", "finance.error.currency"))
                .andExpect(model().attributeHasFieldErrorCode("form", "lines[2].quantity", "finance.error.line.quantity"))
                .andExpect(model().attributeHasFieldErrorCode("form", "lines[2].unitPrice", "finance.error.line.unitPrice"))
                .andExpect(model().attributeHasFieldErrorCode("form", "lines[2].discountPercent", "finance.error.line.discount"))
                .andExpect(content().string(containsString("Line 3: Enter a quantity greater than 0")))
                .andExpect(content().string(containsString("href=\"#lines2.quantity\"")))
                .andExpect(content().string(containsString("value=\"Business cards\"")));
        assertThat(count()).as("bad input changes nothing").isEqualTo(before);

        var created = mvc.perform(withLines(post("/finance").with(user(manager)).with(csrf()).param("kind", "QUOTE")
                        .param("company", company.id().toString()).param("issueDate", "2026-03-02")
                        .param("dueDate", "2026-04-01").param("currency", "eur").param("terms", "Valid for 30 days."),
                        new String[]{"Logo design", "1", "h", "500", "", "19"},
                        new String[]{"", "", "", "", "", ""},
                        new String[]{"Business cards", "2", "box", "45,50", "10", "7"}))
                .andExpect(status().isFound()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        FinanceDocument quote = documents.find(manager, FinanceDocumentId.parse(location.substring("/finance/".length()))
                .orElseThrow()).orElseThrow();
        // 500.00 + (91.00 − 10 % = 81.90) = 581.90; tax 95.00 + 5.733 → 5.73 = 100.73
        assertThat(quote.lines()).hasSize(2);
        assertThat(quote.currencyCode()).isEqualTo("EUR");
        assertThat(quote.total()).isEqualTo(new BigDecimal("682.63"));
        mvc.perform(get(location).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(quote.number())))
                .andExpect(content().string(containsString("Kiln &amp; Co")))
                .andExpect(content().string(containsString("581.90 EUR")))
                .andExpect(content().string(containsString("Tax 7 % on 81.90 EUR")))
                .andExpect(content().string(containsString("682.63 EUR")))
                .andExpect(content().string(containsString("Valid for 30 days.")));
    }

    @Test
    void addingLineRowsWorksWithoutJavaScriptAndKeepsWhatWasTyped() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        String html = mvc.perform(withLines(post("/finance").with(user(admin)).with(csrf()).param("kind", "INVOICE")
                                .param("issueDate", "2026-03-02").param("currency", "EUR").param("addLines", "true"),
                        new String[]{"Kept line", "3", "", "9.99", "", "19"}))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("value=\"Kept line\"").contains("name=\"lines[5].description\"")
                .doesNotContain("name=\"lines[6].description\"");
        mvc.perform(get("/finance/new").param("kind", "ORDER").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"lines[2].description\"")))
                .andExpect(content().string(containsString("Delivery date")));
    }

    @Test
    void aStaleEditShowsBothVersionsAndCanBeReapplied() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        FinanceDocument quote = aQuote().of(company.id()).with(line("Original", "1", "100", "0", "19"))
                .createdBy(documents, admin);
        documents.update(admin, quote.id(), quote.version(), aQuote().of(company.id())
                .with(line("Their line", "3", "100", "0", "19")).withTerms("Their terms").details());

        mvc.perform(withLines(post("/finance/" + quote.id()).with(user(admin)).with(csrf()).param("kind", "QUOTE")
                        .param("company", company.id().toString()).param("issueDate", "2026-03-02")
                        .param("currency", "EUR").param("terms", "My terms").param("version", String.valueOf(quote.version())),
                        new String[]{"My line", "2", "", "100", "", "19"}))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("Their line")))
                .andExpect(content().string(containsString("Their terms")))
                .andExpect(content().string(containsString("357.00 EUR")))
                .andExpect(content().string(containsString("value=\"My line\"")))
                .andExpect(content().string(containsString("My terms")));
        FinanceDocument stored = documents.find(admin, quote.id()).orElseThrow();
        assertThat(stored.lines()).extracting(DocumentLine::description).containsExactly("Their line");

        mvc.perform(withLines(post("/finance/" + quote.id()).with(user(admin)).with(csrf()).param("kind", "QUOTE")
                        .param("company", company.id().toString()).param("issueDate", "2026-03-02")
                        .param("currency", "EUR").param("terms", "My terms").param("version", String.valueOf(stored.version())),
                        new String[]{"My line", "2", "", "100", "", "19"}))
                .andExpect(status().isFound());
        FinanceDocument reapplied = documents.find(admin, quote.id()).orElseThrow();
        assertThat(reapplied.lines()).extracting(DocumentLine::description).containsExactly("My line");
        assertThat(reapplied.total()).isEqualTo(new BigDecimal("238.00"));
    }

    @Test
    void theListFiltersByKindStatusCompanyOverdueAndNumberAndPages() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StaffPrincipal member = staff(StaffRole.MEMBER);
        Company company = aCompany().createdBy(companies, admin);
        Company other = aCompany().createdBy(companies, admin);
        for (int i = 0; i < 26; i++) {
            aQuote().of(company.id()).createdBy(documents, admin);
        }
        LocalDate today = documents.today();
        FinanceDocument late = anInvoice().of(company.id()).issued(today.minusDays(30), today.minusDays(1))
                .createdBy(documents, admin);
        late = documents.changeStatus(admin, late.id(), late.version(), DocumentStatus.SENT);
        FinanceDocument notYetDue = anInvoice().of(company.id()).issued(today, today.plusDays(14)).createdBy(documents, admin);
        documents.changeStatus(admin, notYetDue.id(), notYetDue.version(), DocumentStatus.SENT);
        FinanceDocument elsewhere = aDocument(DocumentKind.CONTRACT).of(other.id()).createdBy(documents, admin);

        assertThat(listed(get("/finance").param("company", company.id().toString()).param("overdue", "true"), member))
                .extracting(DocumentSummary::id).containsExactly(late.id());
        assertThat(listed(get("/finance").param("company", company.id().toString()).param("kind", "INVOICE")
                .param("status", "SENT"), member)).hasSize(2);
        assertThat(listed(get("/finance").param("kind", "CONTRACT").param("company", other.id().toString()), member))
                .extracting(DocumentSummary::id).containsExactly(elsewhere.id());
        assertThat(listed(get("/finance").param("q", elsewhere.number().toLowerCase()), member))
                .extracting(DocumentSummary::id).containsExactly(elsewhere.id());
        assertThat(listed(get("/finance").param("q", "100%_"), member)).isEmpty();

        Page<?> first = page(get("/finance").param("company", company.id().toString()), member);
        assertThat(first.getTotalElements()).isEqualTo(28);
        assertThat(first.getContent()).hasSize(25);
        assertThat(page(get("/finance").param("company", company.id().toString()).param("page", "1"), member)
                .getContent()).hasSize(3);
        mvc.perform(get("/finance").with(user(member)).param("company", company.id().toString()).param("overdue", "true"))
                .andExpect(content().string(containsString("Overdue")))
                .andExpect(content().string(containsString(late.number())))
                .andExpect(content().string(not(containsString("New invoice"))));
        clock.advance(Duration.ZERO);
    }

    @Test
    void membersReadDocumentsButCannotChangeThem() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StaffPrincipal member = staff(StaffRole.MEMBER);
        FinanceDocument quote = aQuote().of(aCompany().createdBy(companies, admin).id()).withNotes("Margin 12 %")
                .createdBy(documents, admin);
        String base = "/finance/" + quote.id();
        mvc.perform(get(base).with(user(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Margin 12 %")))
                .andExpect(content().string(not(containsString("Change status"))));
        mvc.perform(get("/finance/new").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/edit").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/status").with(user(member)).with(csrf()).param("status", "SENT")
                .param("version", String.valueOf(quote.version()))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/delete").with(user(member)).with(csrf())
                .param("version", String.valueOf(quote.version()))).andExpect(status().isForbidden());
        mvc.perform(get("/settings/finance").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(get("/settings/order-flags").with(user(staff(StaffRole.MANAGER)))).andExpect(status().isForbidden());
        assertThat(documents.find(admin, quote.id()).orElseThrow().version()).isEqualTo(quote.version());
    }

    @Test
    void aQuoteIsSentAcceptedConvertedAndTheInvoicePaidThroughTheForms() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        FinanceDocument quote = aQuote().of(aCompany().createdBy(companies, admin).id()).createdBy(documents, admin);
        String base = "/finance/" + quote.id();
        mvc.perform(post(base + "/status").with(user(admin)).with(csrf()).param("status", "ACCEPTED")
                        .param("version", String.valueOf(quote.version())))
                .andExpect(flash().attribute("problem", "finance.error.transition.QUOTE"));
        mvc.perform(post(base + "/status").with(user(admin)).with(csrf()).param("status", "SENT")
                .param("version", String.valueOf(quote.version()))).andExpect(flash().attribute("statusChanged", "SENT"));
        mvc.perform(post(base + "/status").with(user(admin)).with(csrf()).param("status", "ACCEPTED")
                .param("version", String.valueOf(quote.version()))).andExpect(flash().attribute("stale", true));
        mvc.perform(post(base + "/status").with(user(admin)).with(csrf()).param("status", "ACCEPTED")
                .param("version", String.valueOf(quote.version() + 1))).andExpect(status().isFound());
        mvc.perform(get(base).with(user(admin))).andExpect(content().string(containsString("Convert into an invoice")));

        String invoicePath = mvc.perform(post(base + "/convert").with(user(admin)).with(csrf()).param("to", "INVOICE"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(base + "/convert").with(user(admin)).with(csrf()).param("to", "INVOICE"))
                .andExpect(flash().attribute("problem", "finance.error.alreadyConverted"));
        FinanceDocument invoice = documents.find(admin, FinanceDocumentId.parse(
                invoicePath.substring("/finance/".length())).orElseThrow()).orElseThrow();
        mvc.perform(get(invoicePath).with(user(admin))).andExpect(content().string(containsString(quote.number())));
        DocumentDetails d = invoice.details();
        invoice = documents.update(admin, invoice.id(), invoice.version(), new DocumentDetails(d.company(),
                d.issueDate(), d.issueDate().plusDays(14), d.currency(), d.lines(), "", d.terms(), null));
        invoice = documents.changeStatus(admin, invoice.id(), invoice.version(), DocumentStatus.SENT);

        mvc.perform(post(invoicePath + "/payments").with(user(admin)).with(csrf()).param("paidOn", "2026-03-10")
                        .param("amount", "500").param("method", "CARD").param("version", String.valueOf(invoice.version())))
                .andExpect(flash().attributeExists("paymentProblems"));
        mvc.perform(post(invoicePath + "/payments").with(user(admin)).with(csrf()).param("paidOn", "2026-03-10")
                        .param("amount", "190,40").param("method", "CARD").param("reference", "Terminal 4")
                        .param("version", String.valueOf(invoice.version())))
                .andExpect(flash().attribute("paid", true));
        FinanceDocument paid = documents.find(admin, invoice.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(DocumentStatus.PAID);
        mvc.perform(get(invoicePath).with(user(admin)))
                .andExpect(content().string(containsString("Terminal 4")))
                .andExpect(content().string(containsString("<ins>Paid</ins>")));

        // Past draft, the form offers internal notes only; the lines stay as they were sent.
        mvc.perform(get(invoicePath + "/edit").with(user(admin)))
                .andExpect(content().string(containsString("no longer a draft")))
                .andExpect(content().string(not(containsString("name=\"lines[0].description\""))));
        mvc.perform(post(invoicePath).with(user(admin)).with(csrf()).param("internalNotes", "Paid at the fair")
                        .param("externalRef", "").param("version", String.valueOf(paid.version())))
                .andExpect(status().isFound());
        FinanceDocument noted = documents.find(admin, invoice.id()).orElseThrow();
        assertThat(noted.internalNotes()).isEqualTo("Paid at the fair");
        assertThat(noted.lines()).isEqualTo(paid.lines());
        assertThat(noted.status()).isEqualTo(DocumentStatus.PAID);
    }

    @Test
    void adminsSetNumberPrefixesAndManageOrderFlags() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        mvc.perform(get("/settings").with(user(admin)))
                .andExpect(content().string(containsString("href=\"/settings/finance\"")))
                .andExpect(content().string(containsString("href=\"/settings/order-flags\"")));
        long version = jdbc.sql("select version from finance_number_counter where kind = 'CONTRACT'").query(Long.class).single();
        mvc.perform(post("/settings/finance/CONTRACT").with(user(admin)).with(csrf()).param("prefix", "<b>")
                .param("nextValue", "x").param("version", String.valueOf(version)))
                .andExpect(flash().attributeExists("problems"));
        mvc.perform(post("/settings/finance/CONTRACT").with(user(admin)).with(csrf()).param("prefix", "VTR-")
                .param("nextValue", "700").param("version", String.valueOf(version)))
                .andExpect(flash().attribute("saved", "CONTRACT"));
        mvc.perform(get("/settings/finance").with(user(admin))).andExpect(content().string(containsString("VTR-0700")));

        mvc.perform(post("/settings/order-flags").with(user(admin)).with(csrf()).param("name", " ").param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "orderFlags.error.name"));
        mvc.perform(post("/settings/order-flags").with(user(admin)).with(csrf()).param("name", "Shipped")
                .param("customerFlag", "true").param("version", "0")).andExpect(status().isFound());
        mvc.perform(post("/settings/order-flags").with(user(admin)).with(csrf()).param("name", "shipped")
                .param("version", "0")).andExpect(model().attributeHasFieldErrorCode("form", "name", "orderFlags.error.nameTaken"));
        mvc.perform(get("/settings/order-flags").with(user(admin))).andExpect(content().string(containsString("Shipped")));
    }

    private static MockHttpServletRequestBuilder withLines(MockHttpServletRequestBuilder request, String[]... rows) {
        String[] columns = {"description", "quantity", "unit", "unitPrice", "discountPercent", "taxRate"};
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < columns.length; c++) {
                request.param("lines[" + i + "]." + columns[c], rows[i][c]);
            }
        }
        return request.param("companyQuery", "");
    }

    @SuppressWarnings("unchecked")
    private List<DocumentSummary> listed(MockHttpServletRequestBuilder request, StaffPrincipal actor) throws Exception {
        return (List<DocumentSummary>) page(request, actor).getContent();
    }

    private Page<?> page(MockHttpServletRequestBuilder request, StaffPrincipal actor) throws Exception {
        return (Page<?>) mvc.perform(request.with(user(actor))).andExpect(status().isOk()).andReturn()
                .getModelAndView().getModel().get("page");
    }

    private StaffPrincipal staff(StaffRole role) {
        StaffUser user = aStaffUser().withRole(role).createdBy(staffAccounts, Admins.testAdmin(jdbc));
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), user.role(), null);
    }

    private long count() {
        return jdbc.sql("select count(*) from finance_document").query(Long.class).single();
    }
}
