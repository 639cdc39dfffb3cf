package dev.foyer.finance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerDataTest;
import dev.foyer.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.FinanceBuilders.aDocument;
import static dev.foyer.test.FinanceBuilders.aQuote;
import static dev.foyer.test.FinanceBuilders.anInvoice;
import static dev.foyer.test.FinanceBuilders.line;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 4 item 2: each kind's lifecycle; illegal transitions are refused with a clear message and change nothing. */
@FoyerDataTest
class FinanceLifecycleTest {

    @Autowired
    FinanceDocuments documents;
    @Autowired
    OrderFlags flags;
    @Autowired
    Companies companies;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aQuoteIsSentThenAcceptedAndNothingElse() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        FinanceDocument quote = aQuote().of(company(admin)).createdBy(documents, admin);
        assertRefused(admin, quote, DocumentStatus.ACCEPTED, "finance.error.transition.QUOTE");
        assertRefused(admin, quote, DocumentStatus.SIGNED, "finance.error.transition.QUOTE");
        FinanceDocument sent = documents.changeStatus(admin, quote.id(), quote.version(), DocumentStatus.SENT);
        FinanceDocument accepted = documents.changeStatus(admin, quote.id(), sent.version(), DocumentStatus.ACCEPTED);
        for (DocumentStatus illegal : List.of(DocumentStatus.DECLINED, DocumentStatus.DRAFT, DocumentStatus.SENT,
                DocumentStatus.EXPIRED)) {
            assertRefused(admin, accepted, illegal, "finance.error.transition.QUOTE");
        }
        assertRefused(admin, accepted, DocumentStatus.PAID, "finance.error.paidByPayments");
    }

    @Test
    void anInvoiceIsPaidByPaymentsAndAPaymentOverTheOpenAmountIsRefused() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        // 2 × 80.00 = 160.00 + 19 % = 190.40
        FinanceDocument invoice = anInvoice().of(company(admin)).createdBy(documents, admin);
        assertThat(invoice.total()).isEqualTo(new BigDecimal("190.40"));
        assertPaymentRefused(admin, invoice, "10.00", "finance.error.paymentStatus");
        assertRefused(admin, invoice, DocumentStatus.PARTLY_PAID, "finance.error.paidByPayments");
        FinanceDocument sent = documents.changeStatus(admin, invoice.id(), invoice.version(), DocumentStatus.SENT);

        assertPaymentRefused(admin, sent, "190.41", "finance.error.payment.tooMuch");
        assertPaymentRefused(admin, sent, "0.001", "finance.error.payment.amount");
        assertPaymentRefused(admin, sent, "-5", "finance.error.payment.amount");
        FinanceDocument partly = documents.recordPayment(admin, invoice.id(), sent.version(), payment("100.00"));
        assertThat(partly.status()).isEqualTo(DocumentStatus.PARTLY_PAID);
        assertThat(partly.openAmount()).isEqualTo(new BigDecimal("90.40"));
        assertRefused(admin, partly, DocumentStatus.VOID, "finance.error.transition.INVOICE");
        assertPaymentRefused(admin, partly, "90.41", "finance.error.payment.tooMuch");
        FinanceDocument paid = documents.recordPayment(admin, invoice.id(), partly.version(),
                new PaymentDetails(LocalDate.of(2026, 3, 12), new BigDecimal("90.40"), PaymentMethod.CARD, ""));
        assertThat(paid.status()).isEqualTo(DocumentStatus.PAID);
        assertThat(paid.openAmount()).isEqualTo(new BigDecimal("0.00"));
        assertPaymentRefused(admin, paid, "0.01", "finance.error.paymentStatus");
        assertThat(documents.payments(admin, paid, PageRequest.of(0, 10)).getContent())
                .extracting(Payment::amount).containsExactly(new BigDecimal("90.40"), new BigDecimal("100.00"));
    }

    @Test
    void anInvoiceIsOverdueWhileOpenPastItsDueDateMeasuredInTheOrganizationsTimeZone() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        LocalDate today = clock.instant().atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
        FinanceDocument invoice = anInvoice().of(company(admin)).issued(today.minusDays(10), today)
                .createdBy(documents, admin);
        FinanceDocument sent = documents.changeStatus(admin, invoice.id(), invoice.version(), DocumentStatus.SENT);
        assertThat(sent.isOverdue(documents.today())).isFalse();
        clock.advance(Duration.ofDays(1));
        assertThat(sent.isOverdue(documents.today())).isTrue();
        assertThat(documents.list(admin, new DocumentQuery(null, null, sent.companyId(), true, null),
                PageRequest.of(0, 10)).getContent()).extracting(DocumentSummary::id).containsExactly(sent.id());
        FinanceDocument voided = documents.changeStatus(admin, sent.id(), sent.version(), DocumentStatus.VOID);
        assertThat(voided.isOverdue(documents.today())).as("a void invoice is never overdue").isFalse();
        assertThat(documents.list(admin, new DocumentQuery(null, null, sent.companyId(), true, null),
                PageRequest.of(0, 10)).getContent()).isEmpty();
    }

    @Test
    void sendingNeedsLinesAndAnInvoiceNeedsADueDate() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        var company = company(admin);
        FinanceDocument noDue = anInvoice().of(company).issued(LocalDate.of(2026, 3, 1), null).createdBy(documents, admin);
        assertRefused(admin, noDue, DocumentStatus.SENT, "finance.error.dueDateToSend");
        FinanceDocument empty = documents.create(admin, DocumentKind.CONTRACT,
                new DocumentDetails(company, LocalDate.of(2026, 3, 1), null, "EUR", List.of(), "", "", null));
        assertRefused(admin, empty, DocumentStatus.SENT, "finance.error.noLines");
    }

    @Test
    void ordersAndContractsFollowTheirOwnLifecycles() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        var company = company(admin);
        FinanceDocument order = aDocument(DocumentKind.ORDER).of(company).createdBy(documents, admin);
        assertRefused(admin, order, DocumentStatus.COMPLETED, "finance.error.transition.ORDER");
        FinanceDocument sent = documents.changeStatus(admin, order.id(), order.version(), DocumentStatus.SENT);
        FinanceDocument done = documents.changeStatus(admin, order.id(), sent.version(), DocumentStatus.COMPLETED);
        assertRefused(admin, done, DocumentStatus.CANCELLED, "finance.error.transition.ORDER");

        FinanceDocument contract = aDocument(DocumentKind.CONTRACT).of(company).createdBy(documents, admin);
        assertRefused(admin, contract, DocumentStatus.SIGNED, "finance.error.transition.CONTRACT");
        contract = documents.changeStatus(admin, contract.id(), contract.version(), DocumentStatus.SENT);
        contract = documents.changeStatus(admin, contract.id(), contract.version(), DocumentStatus.SIGNED);
        contract = documents.changeStatus(admin, contract.id(), contract.version(), DocumentStatus.EXPIRED);
        assertRefused(admin, contract, DocumentStatus.SIGNED, "finance.error.transition.CONTRACT");
    }

    @Test
    void onlyDraftsChangeTheirLinesAndOnlyDraftsAreDeleted() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        FinanceDocument quote = aQuote().of(company(admin)).withNotes("Margin is thin").createdBy(documents, admin);
        FinanceDocument edited = documents.update(admin, quote.id(), quote.version(), aQuote().of(quote.companyId())
                .with(line("Logo", "1", "500", "10", "19")).details());
        assertThat(edited.total()).isEqualTo(new BigDecimal("535.50"));
        FinanceDocument sent = documents.changeStatus(admin, quote.id(), edited.version(), DocumentStatus.SENT);

        DocumentDetails changedLines = aQuote().of(quote.companyId()).with(line("Logo", "2", "500", "10", "19"))
                .details();
        assertThatThrownBy(() -> documents.update(admin, quote.id(), sent.version(), changedLines))
                .isInstanceOfSatisfying(FinanceException.class, e -> assertThat(e.firstKey()).isEqualTo("finance.error.notDraft"));
        DocumentDetails stored = sent.details();
        FinanceDocument noted = documents.update(admin, quote.id(), sent.version(), new DocumentDetails(stored.company(),
                stored.issueDate(), stored.dueDate(), stored.currency(), stored.lines(), "Customer asked for a call",
                stored.terms(), stored.externalRef()));
        assertThat(noted.internalNotes()).as("internal notes change in any status").isEqualTo("Customer asked for a call");
        assertThat(noted.total()).isEqualTo(new BigDecimal("535.50"));

        assertThatThrownBy(() -> documents.delete(admin, quote.id(), noted.version()))
                .isInstanceOfSatisfying(FinanceException.class, e -> assertThat(e.firstKey()).isEqualTo("finance.error.deleteNotDraft"));
        FinanceDocument draft = anInvoice().of(quote.companyId()).createdBy(documents, admin);
        documents.delete(admin, draft.id(), draft.version());
        assertThat(documents.find(admin, draft.id())).isEmpty();
    }

    @Test
    void anAcceptedQuoteConvertsIntoAnOrderAndAnInvoiceOnceEach() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        FinanceDocument quote = aQuote().of(company(admin)).with(line("Catalogue", "500", "2.35", "5", "7"))
                .with(line("Design", "12", "85", "0", "19")).withNotes("Internal only").createdBy(documents, admin);
        assertThatThrownBy(() -> documents.convert(admin, quote.id(), DocumentKind.INVOICE))
                .isInstanceOfSatisfying(FinanceException.class, e -> assertThat(e.firstKey()).isEqualTo("finance.error.convertNotAccepted"));
        FinanceDocument sent = documents.changeStatus(admin, quote.id(), quote.version(), DocumentStatus.SENT);
        documents.changeStatus(admin, quote.id(), sent.version(), DocumentStatus.ACCEPTED);

        FinanceDocument invoice = documents.convert(admin, quote.id(), DocumentKind.INVOICE);
        FinanceDocument order = documents.convert(admin, quote.id(), DocumentKind.ORDER);
        for (FinanceDocument converted : List.of(invoice, order)) {
            assertThat(converted.status()).isEqualTo(DocumentStatus.DRAFT);
            assertThat(converted.companyId()).isEqualTo(quote.companyId());
            assertThat(converted.lines()).isEqualTo(quote.lines());
            assertThat(converted.total()).isEqualTo(quote.total());
            assertThat(converted.terms()).isEqualTo(quote.terms());
            assertThat(converted.sourceDocumentId()).isEqualTo(quote.id());
            assertThat(converted.internalNotes()).isEmpty();
        }
        assertThatThrownBy(() -> documents.convert(admin, quote.id(), DocumentKind.INVOICE))
                .isInstanceOfSatisfying(FinanceException.class, e -> assertThat(e.firstKey()).isEqualTo("finance.error.alreadyConverted"));
        assertThatThrownBy(() -> documents.convert(admin, quote.id(), DocumentKind.CONTRACT))
                .isInstanceOfSatisfying(FinanceException.class, e -> assertThat(e.firstKey()).isEqualTo("finance.error.convertKind"));
        assertThat(documents.conversions(admin, quote)).extracting(Conversion::number)
                .containsExactlyInAnyOrder(invoice.number(), order.number());
    }

    @Test
    void membersReadButOnlyAdminsAndManagersWrite() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StaffPrincipal member = staff(admin, StaffRole.MEMBER);
        StaffPrincipal manager = staff(admin, StaffRole.MANAGER);
        FinanceDocument quote = aQuote().of(company(admin)).createdBy(documents, manager);
        assertThat(documents.find(member, quote.id())).isPresent();
        assertThatThrownBy(() -> aQuote().of(quote.companyId()).createdBy(documents, member))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.changeStatus(member, quote.id(), quote.version(), DocumentStatus.SENT))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(documents.find(admin, quote.id()).orElseThrow().version()).isEqualTo(quote.version());
    }

    @Test
    void theOrderFlagHistorySaysWhoSetWhichFlagAndThePrintableDocumentShowsOnlyCustomerFacts() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OrderFlag inPrint = flags.create(admin, "In print " + System.nanoTime(), true);
        OrderFlag creditCheck = flags.create(admin, "Credit check " + System.nanoTime(), false);
        FinanceDocument order = aDocument(DocumentKind.ORDER).of(company(admin)).withNotes("Secret margin note")
                .createdBy(documents, admin);
        order = documents.setFlag(admin, order.id(), order.version(), creditCheck.id());
        assertThat(documents.printable(admin, order.id()).orElseThrow().customerFlag())
                .as("an internal flag is not printed").isNull();
        order = documents.setFlag(admin, order.id(), order.version(), inPrint.id());
        var history = documents.flagHistory(admin, order, PageRequest.of(0, 10)).getContent();
        assertThat(history).extracting(FlagChange::flagName).containsExactly(inPrint.name(), creditCheck.name());
        assertThat(history).extracting(FlagChange::setBy).containsOnly(admin.displayName());

        PrintableDocument printable = documents.printable(admin, order.id()).orElseThrow();
        assertThat(printable.customerFlag()).isEqualTo(inPrint.name());
        assertThat(printable.number()).isEqualTo(order.number());
        assertThat(printable.lines()).hasSize(1);
        assertThat(printable.total()).isEqualTo(new BigDecimal("190.40"));
        assertThat(printable.toString()).doesNotContain("Secret margin note");

        OrderFlag retired = flags.update(admin, inPrint.id(), inPrint.version(), inPrint.name(), true, false);
        FinanceDocument flagged = order;
        assertThatThrownBy(() -> documents.setFlag(admin, flagged.id(), flagged.version(), retired.id()))
                .isInstanceOfSatisfying(FinanceException.class, e -> assertThat(e.firstKey()).isEqualTo("finance.error.flag"));
    }

    private void assertRefused(StaffPrincipal actor, FinanceDocument document, DocumentStatus target, String key) {
        FinanceDocument before = documents.find(actor, document.id()).orElseThrow();
        long changes = changes();
        assertThatThrownBy(() -> documents.changeStatus(actor, document.id(), before.version(), target))
                .isInstanceOfSatisfying(FinanceException.class, e -> assertThat(e.firstKey()).isEqualTo(key));
        FinanceDocument after = documents.find(actor, document.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(changes()).isEqualTo(changes);
    }

    private void assertPaymentRefused(StaffPrincipal actor, FinanceDocument invoice, String amount, String key) {
        FinanceDocument before = documents.find(actor, invoice.id()).orElseThrow();
        assertThatThrownBy(() -> documents.recordPayment(actor, invoice.id(), before.version(), payment(amount)))
                .isInstanceOfSatisfying(FinanceException.class, e -> assertThat(e.firstKey()).isEqualTo(key));
        FinanceDocument after = documents.find(actor, invoice.id()).orElseThrow();
        assertThat(after.paidTotal()).isEqualTo(before.paidTotal());
        assertThat(after.version()).isEqualTo(before.version());
    }

    private static PaymentDetails payment(String amount) {
        return new PaymentDetails(LocalDate.of(2026, 3, 10), new BigDecimal(amount), PaymentMethod.BANK_TRANSFER,
                "Bank ref");
    }

    private dev.foyer.directory.CompanyId company(StaffPrincipal admin) {
        Company company = aCompany().createdBy(companies, admin);
        return company.id();
    }

    private StaffPrincipal staff(StaffPrincipal admin, StaffRole role) {
        StaffUser user = aStaffUser().withRole(role).createdBy(staffAccounts, admin);
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), user.role(), null);
    }

    private long changes() {
        return jdbc.sql("select count(*) from record_change").query(Long.class).single();
    }
}
