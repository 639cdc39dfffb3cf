package dev.foyer.portal;

/**
 * Which fields of a financial document a portal user's PDF may print (ACC-8): what the user type
 * hides is left out of the PDF as it is left out of the page. {@code amounts} covers every amount
 * (unit prices, line totals, taxes, totals, paid and open), hidden with the kind's total.
 */
public record PortalPrintMask(boolean number, boolean issueDate, boolean dueDate, boolean amounts, boolean terms) {

    /** The mask of a document as {@link PortalReads} answered it: a field it left null is hidden. */
    public static PortalPrintMask of(PortalFinanceDocument document) {
        return new PortalPrintMask(document.number() != null, document.issueDate() != null,
                document.dueDate() != null, document.total() != null, document.terms() != null);
    }
}
