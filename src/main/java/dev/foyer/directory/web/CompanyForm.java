package dev.foyer.directory.web;

import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyDetails;
import dev.foyer.directory.ConsolidatedAccountId;

record CompanyForm(String name, String domain, String address, String phone, String notes,
                   String consolidatedAccount, String externalRef, long version) {

    static CompanyForm empty() {
        return new CompanyForm("", "", "", "", "", "", "", 0);
    }

    static CompanyForm of(Company company) {
        return new CompanyForm(company.name(), company.domain(), company.address(), company.phone(), company.notes(),
                company.consolidatedAccountId() == null ? "" : company.consolidatedAccountId().toString(),
                company.externalRef(), company.version());
    }

    CompanyDetails details() {
        return new CompanyDetails(name, domain, address, phone, notes,
                ConsolidatedAccountId.parse(consolidatedAccount).orElse(null), externalRef);
    }

    CompanyForm withVersion(long newVersion) {
        return new CompanyForm(name, domain, address, phone, notes, consolidatedAccount, externalRef, newVersion);
    }
}
