package dev.foyer.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.foyer.directory.CompanyId;
import dev.foyer.finance.DocumentDetails;
import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.DocumentLine;
import dev.foyer.finance.DocumentStatus;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.finance.OrderFlag;
import dev.foyer.finance.OrderFlags;
import dev.foyer.finance.OrderTasks;
import dev.foyer.finance.PaymentDetails;
import dev.foyer.finance.PaymentMethod;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.stereotype.Component;

/**
 * The demo's financial documents (issue 4 item 7): quotes, invoices, orders and contracts of a
 * print and design agency, in every status of their lifecycles, with payments, an overdue
 * invoice, order flags (customer and internal) and order tasks.
 */
@Component
class DemoFinance {

    private final FinanceDocuments documents;
    private final OrderFlags flags;
    private final OrderTasks tasks;

    DemoFinance(FinanceDocuments documents, OrderFlags flags, OrderTasks tasks) {
        this.documents = documents;
        this.flags = flags;
        this.tasks = tasks;
    }

    void load(StaffPrincipal admin, List<CompanyId> companies) {
        LocalDate today = documents.today();
        OrderFlag received = flags.create(admin, "Received", true);
        OrderFlag inProduction = flags.create(admin, "In production", true);
        flags.create(admin, "Shipped", true);
        OrderFlag creditCheck = flags.create(admin, "Credit check", false);

        List<DocumentLine> menus = List.of(line("Menu card design, three directions", "1", "h", "680.00", "0", "19"),
                line("Menu cards A4, 350 g, matt", "500", "pcs", "1.85", "5", "19"),
                line("Table talkers A6", "200", "pcs", "0.95", "0", "19"));
        List<DocumentLine> catalogue = List.of(line("Catalogue layout, 48 pages", "48", "pages", "95.00", "10", "19"),
                line("Product photo shoot", "2", "days", "1450.00", "0", "19"),
                line("Printed catalogues", "3000", "pcs", "2.35", "0", "7"));
        List<DocumentLine> newsletter = List.of(line("Newsletter template, three sizes", "1", "", "1200.00", "0", "19"),
                line("Accessibility review", "6", "h", "85.00", "0", "19"));
        List<DocumentLine> retainer = List.of(line("Design retainer, monthly", "12", "months", "900.00", "0", "19"));

        // Quotes: one in every status; the accepted one is converted into an order and an invoice.
        create(admin, DocumentKind.QUOTE, companies.get(0), today, today.plusDays(30), menus,
                "Valid for 30 days. Prices exclude shipping.", "Discuss paper samples first");
        FinanceDocument acceptedQuote = create(admin, DocumentKind.QUOTE, companies.get(4), today.minusDays(20),
                today.plusDays(10), catalogue, "Valid for 30 days.", "Big one: keep the printer booked", DocumentStatus.SENT,
                DocumentStatus.ACCEPTED);
        create(admin, DocumentKind.QUOTE, companies.get(6), today.minusDays(5), today.plusDays(25), newsletter,
                "Valid for 30 days.", "", DocumentStatus.SENT);
        create(admin, DocumentKind.QUOTE, companies.get(5), today.minusDays(40), today.minusDays(10),
                List.of(line("Flyers A5, 2000 pcs", "2000", "pcs", "0.12", "0", "19")), "Valid for 30 days.", "",
                DocumentStatus.SENT, DocumentStatus.DECLINED);
        create(admin, DocumentKind.QUOTE, companies.get(7), today.minusDays(60), today.minusDays(30),
                List.of(line("Shop window lettering", "1", "", "450.00", "0", "19")), "Valid for 30 days.", "",
                DocumentStatus.SENT, DocumentStatus.EXPIRED);

        FinanceDocument order = documents.convert(admin, acceptedQuote.id(), DocumentKind.ORDER);
        order = documents.changeStatus(admin, order.id(), order.version(), DocumentStatus.SENT);
        order = documents.setFlag(admin, order.id(), order.version(), received.id());
        order = documents.setFlag(admin, order.id(), order.version(), inProduction.id());
        var proofs = tasks.add(admin, order.id(), "Send print proofs to Friederike", null);
        tasks.setDone(admin, order.id(), proofs.id(), proofs.version(), true);
        tasks.add(admin, order.id(), "Book the press for week 3", null);
        withDueDate(admin, documents.convert(admin, acceptedQuote.id(), DocumentKind.INVOICE), today.plusDays(14));

        // Invoices: draft (the converted one), sent, partly paid, paid, void, and one overdue.
        create(admin, DocumentKind.INVOICE, companies.get(3), today.minusDays(3),
                today.plusDays(11), List.of(line("Online shop banners, 5 sizes", "5", "pcs", "120.00", "0", "19")),
                "Payable within 14 days without deduction.", "", DocumentStatus.SENT);
        FinanceDocument partly = create(admin, DocumentKind.INVOICE, companies.get(0), today.minusDays(12),
                today.plusDays(2), menus, "Payable within 14 days without deduction.", "Paid the first half by card",
                DocumentStatus.SENT);
        documents.recordPayment(admin, partly.id(), partly.version(), new PaymentDetails(today.minusDays(4),
                new BigDecimal("800.00"), PaymentMethod.CARD, "Card terminal"));
        FinanceDocument paid = create(admin, DocumentKind.INVOICE, companies.get(8), today.minusDays(30),
                today.minusDays(16), List.of(line("Business cards", "4", "boxes", "39.00", "0", "19")),
                "Payable within 14 days without deduction.", "", DocumentStatus.SENT);
        documents.recordPayment(admin, paid.id(), paid.version(), new PaymentDetails(today.minusDays(20),
                paid.total(), PaymentMethod.BANK_TRANSFER, "RF18 5390 0754 7034"));
        create(admin, DocumentKind.INVOICE, companies.get(9), today.minusDays(25), today.minusDays(11),
                List.of(line("Letterhead design", "1", "", "350.00", "0", "19")),
                "Payable within 14 days without deduction.", "Customer asked for a reminder by phone",
                DocumentStatus.SENT);
        create(admin, DocumentKind.INVOICE, companies.get(2), today.minusDays(8), today.plusDays(6),
                List.of(line("Event posters A1", "10", "pcs", "18.00", "0", "19")),
                "Payable within 14 days without deduction.", "Issued to the wrong hotel; reissued",
                DocumentStatus.SENT, DocumentStatus.VOID);

        // Orders: draft, completed, cancelled (the converted one is sent, flagged and has tasks).
        FinanceDocument draftOrder = create(admin, DocumentKind.ORDER, companies.get(1), today, today.plusDays(21),
                List.of(line("Key card sleeves", "1000", "pcs", "0.42", "0", "19")), "Delivery free of charge.",
                "Waiting for the artwork");
        documents.setFlag(admin, draftOrder.id(), draftOrder.version(), creditCheck.id());
        create(admin, DocumentKind.ORDER, companies.get(5), today.minusDays(45), today.minusDays(30),
                List.of(line("Coffee cup sleeves", "5000", "pcs", "0.09", "0", "19")), "Delivery free of charge.", "",
                DocumentStatus.SENT, DocumentStatus.COMPLETED);
        create(admin, DocumentKind.ORDER, companies.get(7), today.minusDays(15), today.plusDays(5),
                List.of(line("Roll-up banner", "2", "pcs", "149.00", "0", "19")), "Delivery free of charge.",
                "Cancelled by phone", DocumentStatus.CANCELLED);

        // Contracts: draft, sent, signed, expired.
        create(admin, DocumentKind.CONTRACT, companies.get(6), today, today.plusYears(1), retainer,
                "Twelve months; three months' notice.", "");
        create(admin, DocumentKind.CONTRACT, companies.get(3), today.minusDays(7), today.plusYears(1), retainer,
                "Twelve months; three months' notice.", "", DocumentStatus.SENT);
        create(admin, DocumentKind.CONTRACT, companies.get(0), today.minusMonths(6), today.plusMonths(6), retainer,
                "Twelve months; three months' notice.", "", DocumentStatus.SENT, DocumentStatus.SIGNED);
        create(admin, DocumentKind.CONTRACT, companies.get(9), today.minusYears(2), today.minusYears(1), retainer,
                "Twelve months; three months' notice.", "", DocumentStatus.SENT, DocumentStatus.SIGNED,
                DocumentStatus.EXPIRED);
    }

    private FinanceDocument create(StaffPrincipal admin, DocumentKind kind, CompanyId company, LocalDate issued,
                                   LocalDate due, List<DocumentLine> lines, String terms, String notes,
                                   DocumentStatus... statuses) {
        FinanceDocument document = documents.create(admin, kind, new DocumentDetails(company, issued, due, "EUR", lines,
                notes, terms, null));
        for (DocumentStatus status : statuses) {
            document = documents.changeStatus(admin, document.id(), document.version(), status);
        }
        return document;
    }

    private FinanceDocument withDueDate(StaffPrincipal admin, FinanceDocument document, LocalDate due) {
        DocumentDetails d = document.details();
        return documents.update(admin, document.id(), document.version(), new DocumentDetails(d.company(),
                d.issueDate(), due, d.currency(), d.lines(), d.internalNotes(), d.terms(), d.externalRef()));
    }

    private static DocumentLine line(String description, String quantity, String unit, String unitPrice,
                                     String discount, String taxRate) {
        return new DocumentLine(description, new BigDecimal(quantity), unit, new BigDecimal(unitPrice),
                new BigDecimal(discount), new BigDecimal(taxRate));
    }
}
