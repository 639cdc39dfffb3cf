package dev.foyer.demo;

import java.security.SecureRandom;
import java.util.List;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyDetails;
import dev.foyer.directory.ConsolidatedAccountId;
import dev.foyer.directory.ConsolidatedAccounts;
import dev.foyer.directory.ContactDetails;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.organization.OrganizationProfile;
import dev.foyer.organization.Setup;
import dev.foyer.organization.SetupRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code FOYER_DEMO=true} and an empty database, Foyer starts as a realistic demo
 * organization: a print and design agency with its staff. Passwords are generated at load time
 * and printed once in the log; none is written in the code.
 */
@Component
@Order(1)
class DemoOrganization implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    record DemoStaff(String name, String email, StaffRole role) {
    }

    static final List<DemoStaff> STAFF = List.of(
            new DemoStaff("Mira Okafor", "mira.okafor@brightline.example", StaffRole.MANAGER),
            new DemoStaff("Jonas Becker", "jonas.becker@brightline.example", StaffRole.MANAGER),
            new DemoStaff("Priya Raman", "priya.raman@brightline.example", StaffRole.MEMBER),
            new DemoStaff("Tomás Álvarez", "tomas.alvarez@brightline.example", StaffRole.MEMBER),
            new DemoStaff("Hannah Schulz", "hannah.schulz@brightline.example", StaffRole.MEMBER));

    record DemoCompany(String name, String domain, String city, String account, List<String> people) {
    }

    /** Customers of a print and design agency; "First Last, Title" per person. */
    static final List<DemoCompany> COMPANIES = List.of(
            new DemoCompany("Harbour Lights Hotels – Hamburg", "harbourlights.example", "Hamburg", "Harbour Lights Group",
                    List.of("Greta Lindqvist, Marketing Director", "Ole Hansen, Events Manager")),
            new DemoCompany("Harbour Lights Hotels – Kiel", "harbourlights.example", "Kiel", "Harbour Lights Group",
                    List.of("Maren Petersen, Front Office Lead")),
            new DemoCompany("Harbour Lights Hotels – Lübeck", "harbourlights.example", "Lübeck", "Harbour Lights Group",
                    List.of("Jens Kowalski, General Manager")),
            new DemoCompany("Kiln & Clay Ceramics", "kilnandclay.example", "Leipzig", null,
                    List.of("Anouk de Vries, Owner", "Samir Haddad, Online Shop")),
            new DemoCompany("Nordwind Bikes GmbH", "nordwind-bikes.example", "Bremen", null,
                    List.of("Friederike Brandt, Head of Brand", "Luca Romano, Product Manager", "Ida Nowak, Assistant")),
            new DemoCompany("Café Lumen", "cafe-lumen.example", "Berlin", null,
                    List.of("Yasmin Okoye, Co-founder")),
            new DemoCompany("Stadtwerke Altmark", "stadtwerke-altmark.example", "Stendal", null,
                    List.of("Dr. Heike Sommer, Communications", "Bernd Vogel, Procurement")),
            new DemoCompany("Greenleaf Organic Market", "greenleaf.example", "Hannover", null,
                    List.of("Tomasz Wiśniewski, Store Manager")),
            new DemoCompany("Atelier Żurawski", "zurawski.example", "Görlitz", null,
                    List.of("Łucja Żurawska, Architect")),
            new DemoCompany("Bergmann Law Partners", "bergmann-law.example", "Munich", null,
                    List.of("Carla Bergmann, Managing Partner", "Felix Aydın, Office Manager")));

    private final boolean enabled;
    private final Setup setup;
    private final StaffAccounts staffAccounts;
    private final Companies companies;
    private final Contacts contacts;
    private final ConsolidatedAccounts accounts;
    private final DemoWork work;
    private final DemoFinance finance;
    private final SecureRandom random = new SecureRandom();

    DemoOrganization(@Value("${foyer.demo}") boolean enabled, Setup setup, StaffAccounts staffAccounts,
                     Companies companies, Contacts contacts, ConsolidatedAccounts accounts, DemoWork work,
                     DemoFinance finance) {
        this.work = work;
        this.finance = finance;
        this.enabled = enabled;
        this.setup = setup;
        this.staffAccounts = staffAccounts;
        this.companies = companies;
        this.contacts = contacts;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (!setup.isOpen()) {
            log.info("Demo organization not loaded: this database is set up already");
            return;
        }
        var profile = OrganizationProfile.validate("Brightline Print & Design", "brightline.example", "en",
                "Europe/Berlin", "H24", "DE").profile();
        String adminPassword = password();
        StaffUser admin = setup.completeUnattended(new SetupRequest(profile, "Elena Brandt",
                "elena.brandt@brightline.example", adminPassword));
        StaffPrincipal actor = new StaffPrincipal(admin.id(), admin.email(), admin.displayName(), admin.role(), null);
        log.warn("Demo organization loaded. Sign in as {} with password {}", admin.email(), adminPassword);
        for (DemoStaff staff : STAFF) {
            String password = password();
            staffAccounts.create(actor, staff.email(), staff.name(), staff.role(), password);
            log.warn("Demo staff user {} ({}) has password {}", staff.email(), staff.role(), password);
        }
        loadDirectory(actor);
    }

    private void loadDirectory(StaffPrincipal actor) {
        java.util.List<dev.foyer.directory.CompanyId> created = new java.util.ArrayList<>();
        java.util.Map<String, ConsolidatedAccountId> groups = new java.util.HashMap<>();
        int ref = 1000;
        for (DemoCompany demo : COMPANIES) {
            ConsolidatedAccountId group = demo.account() == null ? null : groups.computeIfAbsent(demo.account(),
                    name -> accounts.create(actor, name, "CRM-GROUP-" + name.hashCode()).id());
            Company company = companies.create(actor, new CompanyDetails(demo.name(), demo.domain(),
                    "Hauptstraße " + (ref % 90 + 1) + "\n" + demo.city(), "+49 " + (30 + ref % 60) + " " + (555000 + ref),
                    null, group, "CRM-" + ref++));
            created.add(company.id());
            for (String person : demo.people()) {
                String[] nameAndTitle = person.split(", ", 2);
                String fullName = nameAndTitle[0];
                int space = fullName.lastIndexOf(' ');
                String first = fullName.substring(0, space);
                String last = fullName.substring(space + 1);
                String email = (first.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT) + "."
                        + last.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT) + "@" + demo.domain());
                contacts.create(actor, new ContactDetails(first, last, email, null, nameAndTitle[1], company.id(),
                        ref % 3 != 0, false, "CRM-P-" + ref++));
            }
        }
        log.info("Demo organization: {} companies with their contacts loaded", COMPANIES.size());
        work.load(actor, created);
        log.info("Demo organization: projects, tickets and files loaded");
        finance.load(actor, created);
        log.info("Demo organization: quotes, invoices, orders and contracts loaded");
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
