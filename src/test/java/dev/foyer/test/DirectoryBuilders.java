package dev.foyer.test;

import java.util.concurrent.atomic.AtomicInteger;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyDetails;
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.ConsolidatedAccountId;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactDetails;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;

/** Builders for companies and contacts, created through the real services. */
public final class DirectoryBuilders {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private DirectoryBuilders() {
    }

    public static CompanyBuilder aCompany() {
        return new CompanyBuilder();
    }

    public static ContactBuilder aContact() {
        return new ContactBuilder();
    }

    public static final class CompanyBuilder {
        private String name = "Company " + SEQUENCE.incrementAndGet() + " " + System.nanoTime();
        private String domain;
        private String notes;
        private ConsolidatedAccountId account;
        private String externalRef;

        public CompanyBuilder named(String name) {
            this.name = name;
            return this;
        }

        public CompanyBuilder withDomain(String domain) {
            this.domain = domain;
            return this;
        }

        public CompanyBuilder withNotes(String notes) {
            this.notes = notes;
            return this;
        }

        public CompanyBuilder inAccount(ConsolidatedAccountId account) {
            this.account = account;
            return this;
        }

        public CompanyBuilder withExternalRef(String externalRef) {
            this.externalRef = externalRef;
            return this;
        }

        public Company createdBy(Companies companies, StaffPrincipal actor) {
            return companies.create(actor, new CompanyDetails(name, domain, null, null, notes, account, externalRef));
        }
    }

    public static final class ContactBuilder {
        private String firstName = "Casey";
        private String lastName = "Contact" + SEQUENCE.incrementAndGet();
        private String email;
        private CompanyId company;
        private boolean consent = true;
        private boolean locked;
        private String language;

        /** Issue 6 item 3: e-mails to the contact speak this language (one of OrganizationProfile.LANGUAGES). */
        public ContactBuilder speaking(String language) {
            this.language = language;
            return this;
        }

        /** LIF-3: a contact who has not given consent. */
        public ContactBuilder withoutConsent() {
            this.consent = false;
            return this;
        }

        /** LIF-3: a locked record. */
        public ContactBuilder locked() {
            this.locked = true;
            return this;
        }

        public ContactBuilder named(String firstName, String lastName) {
            this.firstName = firstName;
            this.lastName = lastName;
            return this;
        }

        public ContactBuilder withEmail(String email) {
            this.email = email;
            return this;
        }

        public ContactBuilder at(CompanyId company) {
            this.company = company;
            return this;
        }

        public Contact createdBy(Contacts contacts, StaffPrincipal actor) {
            return contacts.create(actor, new ContactDetails(firstName, lastName, email, null, null, company, consent,
                    locked, null, language));
        }
    }
}
