package dev.foyer.test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.foyer.directory.CompanyId;
import dev.foyer.finance.DocumentDetails;
import dev.foyer.finance.DocumentKind;
import dev.foyer.finance.DocumentLine;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;

/** Builders for financial documents and their lines, created through the real service. */
public final class FinanceBuilders {

    private FinanceBuilders() {
    }

    public static DocumentBuilder aDocument(DocumentKind kind) {
        return new DocumentBuilder(kind);
    }

    public static DocumentBuilder anInvoice() {
        return new DocumentBuilder(DocumentKind.INVOICE);
    }

    public static DocumentBuilder aQuote() {
        return new DocumentBuilder(DocumentKind.QUOTE);
    }

    /** A line: quantity, unit price, discount % and tax rate % as decimal text. */
    public static DocumentLine line(String description, String quantity, String unitPrice, String discount,
                                    String taxRate) {
        return new DocumentLine(description, new BigDecimal(quantity), "pcs", new BigDecimal(unitPrice),
                new BigDecimal(discount), new BigDecimal(taxRate));
    }

    public static final class DocumentBuilder {
        private final DocumentKind kind;
        private CompanyId company;
        private LocalDate issueDate = LocalDate.of(2026, 3, 2);
        private LocalDate dueDate = LocalDate.of(2026, 3, 16);
        private String currency = "EUR";
        private final List<DocumentLine> lines = new ArrayList<>();
        private String internalNotes = "";
        private String terms = "Payable within 14 days.";
        private String externalRef;

        private DocumentBuilder(DocumentKind kind) {
            this.kind = kind;
        }

        public DocumentBuilder of(CompanyId company) {
            this.company = company;
            return this;
        }

        public DocumentBuilder issued(LocalDate issueDate, LocalDate dueDate) {
            this.issueDate = issueDate;
            this.dueDate = dueDate;
            return this;
        }

        public DocumentBuilder in(String currency) {
            this.currency = currency;
            return this;
        }

        public DocumentBuilder with(DocumentLine line) {
            this.lines.add(line);
            return this;
        }

        public DocumentBuilder withNotes(String internalNotes) {
            this.internalNotes = internalNotes;
            return this;
        }

        public DocumentBuilder withTerms(String terms) {
            this.terms = terms;
            return this;
        }

        public DocumentBuilder withExternalRef(String externalRef) {
            this.externalRef = externalRef;
            return this;
        }

        public DocumentDetails details() {
            List<DocumentLine> all = lines.isEmpty()
                    ? List.of(line("Design work", "2", "80.00", "0", "19")) : lines;
            return new DocumentDetails(company, issueDate, dueDate, currency, all, internalNotes, terms, externalRef);
        }

        public FinanceDocument createdBy(FinanceDocuments documents, StaffPrincipal actor) {
            return documents.create(actor, kind, details());
        }
    }
}
