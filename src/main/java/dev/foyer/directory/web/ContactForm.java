package dev.foyer.directory.web;

import dev.foyer.directory.CompanyId;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactDetails;

/** The contact form; {@code companyQuery} narrows the company chooser without JavaScript. */
record ContactForm(String firstName, String lastName, String email, String phone, String title, String company,
                   Boolean consent, Boolean locked, String externalRef, String language, long version,
                   String companyQuery) {

    static ContactForm forCompany(CompanyId company) {
        return new ContactForm("", "", "", "", "", company == null ? "" : company.toString(), false, false, "", "", 0, "");
    }

    static ContactForm of(Contact contact) {
        return new ContactForm(contact.firstName(), contact.lastName(), contact.email(), contact.phone(),
                contact.title(), contact.companyId().toString(), contact.consent(), contact.locked(),
                contact.externalRef(), contact.language() == null ? "" : contact.language(), contact.version(), "");
    }

    ContactDetails details() {
        return new ContactDetails(firstName, lastName, email, phone, title, CompanyId.parse(company).orElse(null),
                Forms.checked(consent), Forms.checked(locked), externalRef, language);
    }

    ContactForm withVersion(long newVersion) {
        return new ContactForm(firstName, lastName, email, phone, title, company, consent, locked, externalRef, language,
                newVersion, companyQuery);
    }
}
