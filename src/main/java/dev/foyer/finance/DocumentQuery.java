package dev.foyer.finance;

import dev.foyer.directory.CompanyId;

/**
 * Filters for the documents list; any may be null. {@code number} finds a document by its number
 * (or part of it); {@code overdue} narrows to open invoices past their due date.
 */
public record DocumentQuery(DocumentKind kind, DocumentStatus status, CompanyId company, boolean overdue,
                            String number) {

    public static DocumentQuery ofCompany(CompanyId company) {
        return new DocumentQuery(null, null, company, false, null);
    }
}
