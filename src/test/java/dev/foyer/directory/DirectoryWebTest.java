package dev.foyer.directory;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 3: staff keep companies, consolidated accounts and contacts, with history and a recycle bin. */
@FoyerWebTest
class DirectoryWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    ConsolidatedAccounts accounts;
    @Autowired
    RecycleBin bin;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerCreatesACompanyThatIsListedSearchableAndHasAHistory() throws Exception {
        StaffPrincipal manager = staff(StaffRole.MANAGER);
        String name = "Müller & Söhne Druck " + System.nanoTime();
        var created = mvc.perform(post("/companies").with(user(manager)).with(csrf()).param("name", name)
                        .param("domain", "Mueller-Druck.example").param("phone", "+49 30 1234")
                        .param("address", "Hauptstraße 1\n10115 Berlin").param("notes", "Prefers e-mail.")
                        .param("consolidatedAccount", "").param("externalRef", "").param("version", "0"))
                .andExpect(status().isFound()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("mueller-druck.example")))
                .andExpect(content().string(containsString("Created")))
                .andExpect(content().string(containsString(manager.displayName())));
        mvc.perform(get("/companies").with(user(manager)).param("q", "söhne druck"))
                .andExpect(content().string(containsString(name.replace("&", "&amp;"))));
        mvc.perform(get("/companies").with(user(manager)).param("q", "no such company at all"))
                .andExpect(content().string(not(containsString(name.replace("&", "&amp;")))));
    }

    @Test
    void badInputGetsEveryMessageAtOnceAndCreatesNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        long before = count("company");
        mvc.perform(post("/companies").with(user(admin)).with(csrf()).param("name", " ")
                        .param("domain", "not a domain").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "company.error.name"))
                .andExpect(model().attributeHasFieldErrorCode("form", "domain", "company.error.domain"))
                .andExpect(content().string(containsString("Enter a domain like example.com")));
        mvc.perform(post("/contacts").with(user(admin)).with(csrf()).param("firstName", "")
                        .param("lastName", "Lovelace").param("email", "nope").param("company", "")
                        .param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "firstName", "contact.error.firstName"))
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "email.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("form", "company", "contact.error.company"));
        assertThat(count("company")).isEqualTo(before);
    }

    @Test
    void aMemberReadsTheDirectoryButCannotChangeIt() throws Exception {
        StaffPrincipal member = staff(StaffRole.MEMBER);
        Company company = aCompany().createdBy(companies, Admins.testAdmin(jdbc));
        mvc.perform(get("/companies/" + company.id()).with(user(member))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Move to the recycle bin"))));
        long before = count("company");
        mvc.perform(post("/companies").with(user(member)).with(csrf()).param("name", "Sneaky").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/companies/" + company.id() + "/delete").with(user(member)).with(csrf())
                        .param("version", String.valueOf(company.version())))
                .andExpect(status().isForbidden());
        assertThat(count("company")).isEqualTo(before);
        assertThat(companies.find(member, company.id())).isPresent();
        mvc.perform(get("/recycle-bin").with(user(member))).andExpect(status().isForbidden());
    }

    @Test
    void aStaleEditShowsBothVersionsAndCanBeReapplied() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().named("Original Name").createdBy(companies, admin);
        companies.update(admin, company.id(), company.version(),
                new CompanyDetails("Their Name", null, null, null, null, null, null));
        mvc.perform(post("/companies/" + company.id()).with(user(admin)).with(csrf()).param("name", "My Name")
                        .param("version", String.valueOf(company.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("Their Name")))
                .andExpect(content().string(containsString("value=\"My Name\"")));
        Company stored = companies.find(admin, company.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Their Name");
        mvc.perform(post("/companies/" + company.id()).with(user(admin)).with(csrf()).param("name", "My Name")
                        .param("version", String.valueOf(stored.version())))
                .andExpect(status().isFound());
        assertThat(companies.find(admin, company.id()).orElseThrow().name()).isEqualTo("My Name");
        mvc.perform(get("/companies/" + company.id()).with(user(admin)))
                .andExpect(content().string(containsString("Their Name")))
                .andExpect(content().string(containsString("My Name")));
    }

    @Test
    void aDeletedCompanyGoesToTheRecycleBinWithItsContactsAndComesBackWithThem() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Contact first = aContact().at(company.id()).createdBy(contacts, admin);
        Contact second = aContact().at(company.id()).createdBy(contacts, admin);
        contacts.moveToRecycleBin(admin, second.id(), second.version());

        mvc.perform(post("/companies/" + company.id() + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(company.version())))
                .andExpect(status().isFound());
        assertThat(companies.find(admin, company.id())).isEmpty();
        assertThat(contacts.find(admin, first.id())).isEmpty();
        mvc.perform(get("/companies/" + company.id()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/recycle-bin").with(user(admin))).andExpect(content().string(containsString(company.name())));

        mvc.perform(post("/recycle-bin/COMPANY/" + company.id() + "/restore").with(user(admin)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(companies.find(admin, company.id())).isPresent();
        assertThat(contacts.find(admin, first.id())).as("deleted with the company, restored with it").isPresent();
        assertThat(contacts.find(admin, second.id())).as("deleted on its own before, stays deleted").isEmpty();

        mvc.perform(post("/recycle-bin/CONTACT/" + second.id() + "/purge").with(user(admin)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("select count(*) from contact where id = :id").param("id", second.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aContactIsCreatedAtACompanyFoundByNameWithoutJavaScript() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().named("Zebra Findable " + System.nanoTime()).createdBy(companies, admin);
        mvc.perform(get("/contacts/new").with(user(admin)).param("firstName", "Ada").param("lastName", "Lovelace")
                        .param("companyQuery", "zebra findable").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(company.name())))
                .andExpect(content().string(containsString("value=\"Ada\"")));
        var created = mvc.perform(post("/contacts").with(user(admin)).with(csrf()).param("firstName", "Ada")
                        .param("lastName", "Lovelace").param("email", "Ada@Example.com")
                        .param("company", company.id().toString()).param("consent", "true").param("version", "0"))
                .andExpect(status().isFound()).andReturn();
        mvc.perform(get(created.getResponse().getRedirectedUrl()).with(user(admin)))
                .andExpect(content().string(containsString("ada@example.com")))
                .andExpect(content().string(containsString(company.name())));
    }

    @Test
    void aContactsLanguageIsChosenOnTheFormShownOnTheCardAndKeptInTheHistory() throws Exception {
        // Issue 6 item 3: one of the organization's languages, or empty for its default.
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        mvc.perform(get("/contacts/new").with(user(admin)))
                .andExpect(content().string(containsString("<option value=\"de\">Deutsch</option>")))
                .andExpect(content().string(containsString("Organization&#39;s default")));
        long before = count("contact");
        mvc.perform(post("/contacts").with(user(admin)).with(csrf()).param("firstName", "Gert")
                        .param("lastName", "Deutsch").param("company", company.id().toString())
                        .param("language", "xx").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "language", "contact.error.language"));
        assertThat(count("contact")).isEqualTo(before);

        var created = mvc.perform(post("/contacts").with(user(admin)).with(csrf()).param("firstName", "Gert")
                        .param("lastName", "Deutsch").param("company", company.id().toString())
                        .param("language", "de").param("version", "0"))
                .andExpect(status().isFound()).andReturn();
        String card = created.getResponse().getRedirectedUrl();
        ContactId id = ContactId.parse(card.substring(card.lastIndexOf('/') + 1)).orElseThrow();
        assertThat(contacts.find(admin, id).orElseThrow().language()).isEqualTo("de");
        mvc.perform(get(card).with(user(admin)))
                .andExpect(content().string(containsString("<dd>Deutsch</dd>")));
        mvc.perform(post(card).with(user(admin)).with(csrf()).param("firstName", "Gert")
                        .param("lastName", "Deutsch").param("company", company.id().toString())
                        .param("language", "").param("version", "0"))
                .andExpect(status().isFound());
        assertThat(contacts.find(admin, id).orElseThrow().language()).isNull();
        mvc.perform(get(card).with(user(admin)))
                .andExpect(content().string(containsString("<dd>Organization&#39;s default</dd>")))
                .andExpect(content().string(containsString("Language")));
        assertThat(jdbc.sql("select count(*) from record_change where record_id = :id"
                + " and changes @> '[{\"field\": \"language\"}]'").param("id", id.value()).query(Long.class).single())
                .as("history entries of the language").isEqualTo(2);
    }

    @Test
    void aConsolidatedAccountGroupsCompanies() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        ConsolidatedAccount group = accounts.create(admin, "Nordic Group " + System.nanoTime(), null);
        Company oslo = aCompany().named("Oslo branch").inAccount(group.id()).createdBy(companies, admin);
        mvc.perform(get("/consolidated-accounts/" + group.id()).with(user(admin)))
                .andExpect(content().string(containsString("Oslo branch")));
        mvc.perform(get("/companies").with(user(admin)).param("account", group.id().toString()))
                .andExpect(content().string(containsString(oslo.name())));
    }

    @Test
    void listsArePagedAndThePagerKeepsTheFilters() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        String prefix = "Pagetest" + System.nanoTime();
        for (int i = 0; i < 30; i++) {
            aCompany().named(prefix + " " + String.format("%02d", i)).createdBy(companies, admin);
        }
        var first = mvc.perform(get("/companies").with(user(admin)).param("q", prefix))
                .andExpect(content().string(containsString("30 results")))
                .andExpect(content().string(containsString("Page 1 of 2")))
                .andReturn().getResponse().getContentAsString();
        assertThat(first.split(prefix + " ", -1).length - 1).as("rows on page 1").isEqualTo(25);
        assertThat(first).contains("q=" + prefix + "&amp;account=&amp;sort=NAME&amp;page=1");
        var second = mvc.perform(get("/companies").with(user(admin)).param("q", prefix).param("page", "1"))
                .andReturn().getResponse().getContentAsString();
        assertThat(second.split(prefix + " ", -1).length - 1).as("rows on page 2").isEqualTo(5);
        assertThat(second).contains(prefix + " 29").doesNotContain(prefix + " 00");
    }

    @Test
    void unknownAndMalformedIdsAnswer404() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        mvc.perform(get("/companies/" + CompanyId.newId()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/companies/not-an-id").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/contacts/" + ContactId.newId()).with(user(admin))).andExpect(status().isNotFound());
    }

    private StaffPrincipal staff(StaffRole role) {
        var user = aStaffUser().withRole(role).createdBy(staffAccounts, Admins.testAdmin(jdbc));
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), role, null);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
