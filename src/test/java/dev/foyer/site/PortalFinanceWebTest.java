package dev.foyer.site;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.DocumentStatus;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.finance.OrderFlag;
import dev.foyer.finance.OrderFlags;
import dev.foyer.finance.OrderTasks;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.pdf.PdfTemplate;
import dev.foyer.pdf.PdfTemplateDraft;
import dev.foyer.pdf.PdfTemplateId;
import dev.foyer.pdf.PdfTemplates;
import dev.foyer.pdf.PrintKind;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalFinance;
import dev.foyer.portal.QuoteAnswerKind;
import dev.foyer.portal.QuoteAnswerRefused;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalPdfDefault;
import dev.foyer.portal.PortalPdfTemplates;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.UserTypes;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.DirectoryBuilders;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.test.PortalBuilders;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.foyer.test.FinanceBuilders.aDocument;
import static dev.foyer.test.FinanceBuilders.aQuote;
import static dev.foyer.test.FinanceBuilders.line;
import static dev.foyer.test.PortalSiteScene.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Finance in the portal (issue 7 item 4, EXP-4): line items with totals per tax rate, the PDF with
 * the portal's default template (PRT-6, ACC-5), hidden fields absent from page and PDF (ACC-8),
 * orders without internal tasks or non-customer flags (ACC-6), and the quote answer — recorded
 * once, refused without change when stale, foreign, draft or expired (ACC-10, ACC-12).
 */
@FoyerWebTest
class PortalFinanceWebTest {

    static final String P = "/p/customer-portal";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Companies companies;
    @Autowired Contacts contacts;
    @Autowired PortalUsers portalUsers;
    @Autowired PortalMemberships memberships;
    @Autowired Projects projects;
    @Autowired ProjectItems items;
    @Autowired Tickets tickets;
    @Autowired TicketComments ticketComments;
    @Autowired FinanceDocuments finance;
    @Autowired FileTypes fileTypes;
    @Autowired StoredFiles files;
    @Autowired UserTypes userTypes;
    @Autowired OrderTasks orderTasks;
    @Autowired OrderFlags orderFlags;
    @Autowired PdfTemplates pdfTemplates;
    @Autowired PortalPdfTemplates portalPdfTemplates;
    @Autowired PortalFinance portalFinance;

    PortalSiteScene s;
    StaffPrincipal admin;
    FinanceDocument quote;

    @BeforeEach
    void scene() {
        admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
        // Two rates and a discount: 2 × 80.00 @19 % = 160.00; 3 × 10.00 −10 % @7 % = 27.00.
        quote = sent(aQuote().of(s.company.id()).issued(LocalDate.of(2026, 11, 20), LocalDate.of(2099, 12, 31))
                .with(line("Design work", "2", "80.00", "0", "19"))
                .with(line("Printing", "3", "10.00", "10", "7"))
                .withNotes("Margin " + SECRET).withTerms("Valid for 30 days.").createdBy(finance, admin));
    }

    // ------------------------------------------------------------ line items

    @Test
    void aDocumentPageShowsLineItemsTotalsPerTaxRateAndTheGrandTotal() throws Exception {
        String page = page(s.full, doc(quote));
        // Net 187.00; tax 30.40 at 19 % and 1.89 at 7 %; total 219.29 (in the user's number format).
        assertThat(page).contains("Design work").contains("Printing").contains("10 %").contains("Tax 19 % on")
                .contains("Tax 7 % on").contains("Valid for 30 days.").contains("Download PDF").doesNotContain(SECRET);
        assertAmounts(page, true, "80.00", "160.00", "27.00", "30.40", "1.89", "187.00", "219.29");
        assertThat((java.math.BigDecimal) stored(quote, "total")).isEqualByComparingTo("219.29");
    }

    @Test
    void aHiddenTotalHidesEveryAmountOnThePageAndInThePdfAndHiddenTermsHideTheTerms() throws Exception {
        // QUOTE_TOTAL and INVOICE_TOTAL are mandatory (PRT-4: they cannot be hidden); an order's total can be.
        FinanceDocument order = sent(aDocument(DocumentKind.ORDER).of(s.company.id())
                .with(line("Design work", "2", "80.00", "0", "19")).with(line("Printing", "3", "10.00", "10", "7"))
                .withTerms("Deliver to the back door.").createdBy(finance, admin));
        PortalUser hiding = userHiding(PortalField.ORDER_TOTAL, PortalField.QUOTE_TERMS);
        String page = page(hiding, doc(order));
        assertThat(page).contains("Design work").contains("Printing").contains(order.number())
                .contains("Deliver to the back door.").doesNotContain("Unit price").doesNotContain("Line total");
        assertAmounts(page, false, "80.00", "160.00", "27.00", "30.40", "1.89", "187.00", "219.29");
        assertAmounts(page(hiding, P + "/finance/orders"), false, "219.29");
        String pdf = pdfText(hiding, order);
        assertThat(pdf).contains(order.number()).contains("Design work").doesNotContain(SECRET);
        assertAmounts(pdf, false, "80.00", "160.00", "27.00", "30.40", "1.89", "187.00", "219.29");
        // Hidden quote terms: neither on the page nor in the PDF; the amounts of a quote stay.
        assertThat(page(hiding, doc(quote))).doesNotContain("Valid for 30 days.");
        String quotePdf = pdfText(hiding, quote);
        assertThat(quotePdf).doesNotContain("Valid for 30 days.");
        assertAmounts(quotePdf, true, "219.29");
        // The full user sees them all in the PDF.
        String full = pdfText(s.full, order);
        assertAmounts(full, true, "219.29", "30.40");
        assertThat(full).contains("Deliver to the back door.");
        assertThat(pdfText(s.full, quote)).contains("Valid for 30 days.");
    }

    @Test
    void ordersShowOnlyACustomerFlagAndNeverInternalTasksOnThePageOrInThePdf() throws Exception {
        FinanceDocument order = sent(aDocument(DocumentKind.ORDER).of(s.company.id()).createdBy(finance, admin));
        orderTasks.add(admin, order.id(), "Task " + SECRET, null);
        OrderFlag internal = orderFlags.create(admin, "Flag " + SECRET + " " + s.tag, false);
        order = finance.setFlag(admin, order.id(), finance.find(admin, order.id()).orElseThrow().version(), internal.id());
        assertThat(page(s.full, doc(order))).contains(order.number()).doesNotContain(SECRET);
        assertThat(pdfText(s.full, order)).contains(order.number()).doesNotContain(SECRET);

        OrderFlag shipped = orderFlags.create(admin, "Shipped " + s.tag, true);
        order = finance.setFlag(admin, order.id(), order.version(), shipped.id());
        assertThat(page(s.full, doc(order))).contains("Shipped " + s.tag).doesNotContain(SECRET);
        assertThat(pdfText(s.full, order)).contains("Shipped " + s.tag).doesNotContain(SECRET);
    }

    // ------------------------------------------------------------ PDF

    @Test
    void thePdfDownloadsAsAnAttachmentPrintedWithThePortalsDefaultTemplateForItsKind() throws Exception {
        String marker = "PORTALTEMPLATE" + s.tag.toUpperCase();
        String html;
        try (InputStream in = getClass().getResourceAsStream("/pdf/templates/QUOTE.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</body>", "<p>" + marker + "</p></body>");
        }
        PdfTemplate template = pdfTemplates.create(admin, PrintKind.QUOTE,
                new PdfTemplateDraft("Portal quote " + s.tag, html, "body { font-size: 10pt; }", false));
        var portal = PortalBuilders.customerPortal(jdbc);
        PortalPdfDefault current = portalPdfTemplates.current(admin, portal).stream()
                .filter(d -> d.kind() == PrintKind.QUOTE).findFirst().orElseThrow();
        Map<PrintKind, PdfTemplateId> chosen = new EnumMap<>(PrintKind.class);
        chosen.put(PrintKind.QUOTE, template.id());
        portalPdfTemplates.save(admin, portal, chosen, Map.of(PrintKind.QUOTE, current.version()));

        MvcResult result = mvc.perform(get(doc(quote) + "/pdf").with(as(s.full))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains(quote.number() + ".pdf");
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(text(result.getResponse().getContentAsByteArray())).contains(marker).contains(quote.number())
                .contains("Design work").doesNotContain(SECRET);
    }

    @Test
    void draftsOtherCompaniesDocumentsUngrantedKindsAndUnknownIdsHaveNoPdf() throws Exception {
        assertNotFound(s.full, get(doc(s.draftInvoice) + "/pdf"));
        assertNotFound(s.full, get(doc(s.otherInvoice) + "/pdf"));
        assertNotFound(s.full, get(P + "/finance/documents/" + UUID.randomUUID() + "/pdf"));
        assertNotFound(s.full, get(P + "/finance/documents/not-an-id/pdf"));
        assertNotFound(s.limited, get(doc(s.invoice) + "/pdf"));
        assertThat(mvc.perform(get(doc(s.invoice) + "/pdf").with(as(s.full))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    // ------------------------------------------------------------ quote answers

    @Test
    void acceptingRecordsTheAnswerOnceMovesTheQuoteAndTellsItsOwnerByEmail() throws Exception {
        assertThat(page(s.full, doc(quote))).contains("Accept this quote")
                .contains("I accept this quote on behalf of " + s.company.name()).contains("Decline this quote");
        MvcResult result = mvc.perform(answer(quote, "accept").param("signerName", "Paula Portal")
                .param("confirmed", "true").with(remote("203.0.113.7"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("notice")).isEqualTo("site.quote.answered.ACCEPTED");

        assertThat(status(quote)).isEqualTo("ACCEPTED");
        Map<String, Object> row = jdbc.sql("select * from quote_answer where document_id = :id")
                .param("id", quote.id().value()).query().singleRow();
        assertThat(row).containsEntry("answer", "ACCEPTED").containsEntry("signer_name", "Paula Portal")
                .containsEntry("client_ip", "203.0.113.7").containsEntry("portal_user_id", s.full.id().value())
                .containsEntry("company_name", s.company.name());
        assertThat(jdbc.sql("select count(*) from record_activity where record_id = :id and kind = 'ACCEPTED'"
                        + " and portal_user_id = :user").param("id", quote.id().value())
                .param("user", s.full.id().value()).query(Long.class).single()).isEqualTo(1);
        Map<String, Object> mail = jdbc.sql("select recipient_address, subject, text_body from mail_outbox"
                + " where idempotency_key = :key").param("key", "quote-answer:" + quote.id().value()).query().singleRow();
        assertThat(mail.get("recipient_address")).isEqualTo(admin.email());
        assertThat((String) mail.get("subject")).isEqualTo("Quote " + quote.number() + " was accepted by Paula Portal");
        assertThat((String) mail.get("text_body")).contains("203.0.113.7").contains(s.company.name())
                .contains("/finance/" + quote.id().value());

        String page = page(s.full, doc(quote));
        assertThat(page).contains("Accepted by Paula Portal on").doesNotContain("Accept this quote");
        // Staff see who signed, when and from where on the quote's page.
        String staffPage = mvc.perform(get("/finance/" + quote.id().value()).with(user(admin))).andReturn()
                .getResponse().getContentAsString();
        assertThat(staffPage).contains("Answer from the portal").contains("Paula Portal").contains("203.0.113.7")
                .contains(s.company.name());
    }

    @Test
    void aDoubleSubmitOrASecondTabChangesNothingAndSaysWhenTheQuoteWasAnswered() throws Exception {
        mvc.perform(answer(quote, "accept").param("signerName", "Paula Portal").param("confirmed", "true"))
                .andReturn();
        String before = checksum(quote);
        MvcResult second = mvc.perform(answer(quote, "decline").param("signerName", "Someone Else")
                .param("confirmed", "true").param("reason", "Too expensive")).andReturn();
        MvcResult third = mvc.perform(answer(quote, "accept").param("signerName", "Paula Portal")
                .param("confirmed", "true")).andReturn();
        for (MvcResult again : new MvcResult[] {second, third}) {
            assertThat(again.getResponse().getStatus()).isEqualTo(302);
            assertThat(again.getFlashMap().get("problem")).isEqualTo("site.quote.alreadyAnswered");
            assertThat((String) again.getFlashMap().get("problemArgument")).isNotBlank();
        }
        assertThat(checksum(quote)).isEqualTo(before);
        assertThat(status(quote)).isEqualTo("ACCEPTED");
    }

    @Test
    void twoTabsAnsweringAtOnceRecordOneAnswerAndRefuseTheOther() throws Exception {
        // Two requests race (a double click, two tabs, two colleagues): the quote's row lock queues the
        // second behind the first, which it then finds; the unique constraint stands behind that.
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (QuoteAnswerKind kind : QuoteAnswerKind.values()) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        portalFinance.answerQuote(s.full.id(), quote.id().value(), kind, "Paula " + kind, true, "",
                                "192.0.2.1");
                        return "answered";
                    } catch (QuoteAnswerRefused refused) {
                        return refused.reason().name();
                    }
                }));
            }
            java.util.List<String> outcomes = new java.util.ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("answered", "ALREADY_ANSWERED");
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from quote_answer where document_id = :id").param("id", quote.id().value())
                .query(Long.class).single()).isEqualTo(1);
        String answer = jdbc.sql("select answer from quote_answer where document_id = :id")
                .param("id", quote.id().value()).query(String.class).single();
        assertThat(status(quote)).isEqualTo(answer);
        assertThat(jdbc.sql("select count(*) from record_activity where record_id = :id and kind in ('ACCEPTED', 'DECLINED')")
                .param("id", quote.id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where idempotency_key = :key")
                .param("key", "quote-answer:" + quote.id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void decliningKeepsTheOptionalReasonForStaff() throws Exception {
        mvc.perform(answer(quote, "decline").param("signerName", "Paula Portal").param("confirmed", "true")
                .param("reason", "We chose another offer.")).andReturn();
        assertThat(status(quote)).isEqualTo("DECLINED");
        assertThat(jdbc.sql("select reason from quote_answer where document_id = :id").param("id", quote.id().value())
                .query(String.class).single()).isEqualTo("We chose another offer.");
        assertThat(jdbc.sql("select subject from mail_outbox where idempotency_key = :key")
                .param("key", "quote-answer:" + quote.id().value()).query(String.class).single())
                .contains("was declined by Paula Portal");
    }

    @Test
    void aMissingNameOrConfirmationIsShownNextToTheFieldAndChangesNothing() throws Exception {
        String before = checksum(quote);
        MvcResult result = mvc.perform(answer(quote, "accept").param("signerName", "  ")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("Enter your full name.")
                .contains("Tick the box to confirm.").contains("aria-invalid=\"true\"");
        MvcResult noBox = mvc.perform(answer(quote, "accept").param("signerName", "Paula Portal")).andReturn();
        assertThat(noBox.getResponse().getContentAsString()).contains("Tick the box to confirm.")
                .contains("value=\"Paula Portal\"");
        assertThat(checksum(quote)).isEqualTo(before);
        assertThat(status(quote)).isEqualTo("SENT");
    }

    @Test
    void anExpiredOrWithdrawnQuoteIsRefusedWithAClearMessageAndNothingChanges() throws Exception {
        FinanceDocument expired = sent(aQuote().of(s.company.id())
                .issued(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 2, 1)).createdBy(finance, admin));
        assertThat(page(s.full, doc(expired))).contains("can no longer be answered").doesNotContain("Accept this quote");
        String before = checksum(expired);
        MvcResult result = mvc.perform(answer(expired, "accept").param("signerName", "Paula Portal")
                .param("confirmed", "true")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("problem")).isEqualTo("site.quote.notAnswerable");
        assertThat(checksum(expired)).isEqualTo(before);

        // Staff withdraw (expire) the quote while the portal user has the page open.
        FinanceDocument current = finance.find(admin, quote.id()).orElseThrow();
        finance.changeStatus(admin, quote.id(), current.version(), DocumentStatus.EXPIRED);
        String withdrawn = checksum(quote);
        MvcResult late = mvc.perform(answer(quote, "accept").param("signerName", "Paula Portal")
                .param("confirmed", "true")).andReturn();
        assertThat(late.getFlashMap().get("problem")).isEqualTo("site.quote.notAnswerable");
        assertThat(checksum(quote)).isEqualTo(withdrawn);
        assertThat(status(quote)).isEqualTo("EXPIRED");
    }

    @Test
    void otherCompaniesQuotesDraftsInvoicesAndUsersWithoutQuotesAnswer404AndChangeNothing() throws Exception {
        FinanceDocument otherQuote = sent(aQuote().of(s.otherCompany.id()).issued(LocalDate.of(2026, 11, 1),
                LocalDate.of(2099, 1, 1)).createdBy(finance, admin));
        FinanceDocument draftQuote = aQuote().of(s.company.id()).issued(LocalDate.of(2026, 11, 1),
                LocalDate.of(2099, 1, 1)).createdBy(finance, admin);
        String[] before = {checksum(otherQuote), checksum(draftQuote), checksum(s.invoice), checksum(quote)};
        assertNotFound(s.full, answerAs(s.full, otherQuote, "accept"));
        assertNotFound(s.full, answerAs(s.full, draftQuote, "accept"));
        assertNotFound(s.full, answerAs(s.full, s.invoice, "decline"));
        assertNotFound(s.limited, answerAs(s.limited, quote, "accept"));
        assertNotFound(s.full, post(P + "/finance/documents/" + UUID.randomUUID() + "/accept").with(as(s.full))
                .with(csrf()).param("signerName", "X").param("confirmed", "true"));
        assertThat(new String[] {checksum(otherQuote), checksum(draftQuote), checksum(s.invoice), checksum(quote)})
                .isEqualTo(before);
    }

    @Test
    void anAnswerWithoutTheCsrfTokenIsRefused() throws Exception {
        MvcResult result = mvc.perform(post(doc(quote) + "/accept").with(as(s.full)).param("signerName", "Paula Portal")
                .param("confirmed", "true")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(status(quote)).isEqualTo("SENT");
    }

    // ------------------------------------------------------------ helpers

    private PortalUser userHiding(PortalField... hidden) {
        var portal = PortalBuilders.customerPortal(jdbc);
        UserType full = userTypes.find(admin, s.full.userTypeId()).orElseThrow();
        Map<PortalField, FieldAccess> fields = new EnumMap<>(full.rights().fields());
        for (PortalField field : hidden) {
            fields.put(field, FieldAccess.HIDDEN);
        }
        UserType hiding = userTypes.create(admin, portal, "Hiding amounts " + s.tag);
        hiding = userTypes.save(admin, hiding.id(), hiding.version(), hiding.name(),
                new Rights(full.rights().modules(), fields, full.rights().eventDescriptions()));
        return PortalBuilders.aPortalUser().of(DirectoryBuilders.aContact().named("Hedda", "Hidden")
                        .at(s.company.id()).createdBy(contacts, admin).id())
                .in(portal, hiding.id()).withStatus(PortalUserStatus.ACTIVE).createdBy(portalUsers, jdbc, admin);
    }

    private FinanceDocument sent(FinanceDocument document) {
        return finance.changeStatus(admin, document.id(), document.version(), DocumentStatus.SENT);
    }

    private static String doc(FinanceDocument document) {
        return P + "/finance/documents/" + document.id().value();
    }

    private MockHttpServletRequestBuilder answer(FinanceDocument document, String verb) {
        return post(doc(document) + "/" + verb).with(as(s.full)).with(csrf());
    }

    private MockHttpServletRequestBuilder answerAs(PortalUser user, FinanceDocument document, String verb) {
        return post(doc(document) + "/" + verb).with(as(user)).with(csrf()).param("signerName", "Paula Portal")
                .param("confirmed", "true");
    }

    private static RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Each amount in either number format (the page follows the user's locale, the PDF the user's language). */
    private static void assertAmounts(String text, boolean present, String... amounts) {
        for (String amount : amounts) {
            String comma = amount.replace('.', ',');
            boolean found = text.contains(amount) || text.contains(comma);
            assertThat(found).as("%s %s", amount, present ? "shown" : "hidden").isEqualTo(present);
        }
    }

    private String status(FinanceDocument document) {
        return stored(document, "status").toString();
    }

    private Object stored(FinanceDocument document, String column) {
        return jdbc.sql("select " + column + " from finance_document where id = :id").param("id", document.id().value())
                .query((rs, n) -> rs.getObject(1)).single();
    }

    /** The document's row, its answer, its activities and its staff e-mail: what an answer would change. */
    private String checksum(FinanceDocument document) {
        UUID id = document.id().value();
        return jdbc.sql("""
                        select concat_ws('|',
                            (select md5(d::text) from finance_document d where d.id = :id),
                            (select md5(coalesce(string_agg(a::text, ','), '')) from quote_answer a where a.document_id = :id),
                            (select count(*) from record_activity r where r.record_id = :id),
                            (select count(*) from mail_outbox m where m.idempotency_key = :key),
                            (select count(*) from record_change c where c.record_id = :id))""")
                .param("id", id).param("key", "quote-answer:" + id).query(String.class).single();
    }

    private String pdfText(PortalUser user, FinanceDocument document) throws Exception {
        MvcResult result = mvc.perform(get(doc(document) + "/pdf").with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return text(result.getResponse().getContentAsByteArray());
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private String page(PortalUser user, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private void assertNotFound(PortalUser user, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString()).doesNotContain(SECRET);
    }

    private RequestPostProcessor as(PortalUser user) {
        PortalPrincipal principal = new PortalPrincipal(user.id(), user.portalId(), "user@acme.example",
                "Portal user");
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                AuthorityUtils.createAuthorityList(PortalPrincipal.AUTHORITY)));
    }
}
