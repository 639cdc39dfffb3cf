package dev.foyer.finance;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.directory.Companies;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.organization.Organizations;
import dev.foyer.pdf.Party;
import dev.foyer.pdf.PdfDocuments;
import dev.foyer.pdf.PdfTemplateId;
import dev.foyer.pdf.PrintKind;
import dev.foyer.pdf.PrintableLine;
import dev.foyer.pdf.TaxLine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A financial document as a PDF (issue 4 items 4 and 5): what {@link FinanceDocuments#printable} lets a PDF show —
 * never internal notes or order tasks, of an order's flags only a customer flag (ACC-6) — rendered with the kind's
 * default template in the organization's language.
 */
@Service
public class FinancePdfs {

    /** The PDF's bytes and the file name it is downloaded as. */
    public record Pdf(String fileName, byte[] content) {
    }

    private final FinanceDocuments documents;
    private final Companies companies;
    private final Organizations organizations;
    private final PdfDocuments pdfs;
    private final MessageSource messages;

    FinancePdfs(FinanceDocuments documents, Companies companies, Organizations organizations, PdfDocuments pdfs,
                MessageSource messages) {
        this.documents = documents;
        this.companies = companies;
        this.organizations = organizations;
        this.pdfs = pdfs;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public Optional<Pdf> pdf(StaffPrincipal actor, FinanceDocumentId id) {
        FinanceAccess.requireView(actor);
        return documents.printable(actor, id).map(this::render);
    }

    @Transactional(readOnly = true)
    public Optional<Pdf> pdf(ApiPrincipal client, DocumentKind kind, FinanceDocumentId id) {
        ApiAccess.requireRead(client);
        return documents.find(client, kind, id).flatMap(document -> companies.find(client, document.companyId())
                .map(company -> render(documents.printable(document, company))));
    }

    private Pdf render(PrintableDocument document) {
        Locale locale = organizations.current().map(o -> Locale.forLanguageTag(o.profile().defaultLanguage()))
                .orElse(Locale.ENGLISH);
        return new Pdf(fileName(document), pdfs.render(printable(document, locale)));
    }

    /** A portal user's PDF (EXP-4): the template the portal chose for the kind (PRT-6), in the user's language. */
    Pdf render(PrintableDocument document, PdfTemplateId template, Locale locale) {
        return new Pdf(fileName(document), pdfs.render(template, printable(document, locale)));
    }

    /** A safe download name: the number's letters, digits, dots, dashes and underscores; the kind when it has none. */
    static String fileName(PrintableDocument document) {
        String base = document.number() == null || document.number().isBlank()
                ? document.kind().name().toLowerCase(Locale.ROOT) : document.number();
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    private dev.foyer.pdf.PrintableDocument printable(PrintableDocument document, Locale locale) {
        return new dev.foyer.pdf.PrintableDocument(PrintKind.valueOf(document.kind().name()),
                document.number() == null ? "" : document.number(), null, document.issueDate(), document.dueDate(), document.currency(),
                party(document.issuer()), party(document.customer()),
                document.lines().stream().map(line -> new PrintableLine(line.description(), line.quantity(),
                        line.unit(), line.unitPrice(), line.discountPercent(), line.taxRate(), line.net())).toList(),
                document.taxes().stream().map(tax -> new TaxLine(tax.rate(), tax.base(), tax.tax())).toList(),
                document.net(), document.tax(), document.total(), document.paid(), document.open(),
                messages.getMessage("finance.status." + document.status().name(), null, document.status().name(),
                        locale),
                document.terms(), document.customerFlag(), locale);
    }

    private static Party party(PrintableDocument.Party party) {
        List<String> address = party.address() == null ? List.of()
                : Arrays.stream(party.address().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new Party(party.name(), address, null, party.phone());
    }
}
