package dev.foyer.directory;

import java.util.UUID;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 3 items 1 and 9: a consolidated account goes to the recycle bin like companies and contacts. Its companies
 * leave the group at once (no portal scope reaches through a deleted account, ACC-1) and rejoin it on restore,
 * unless they joined another account meanwhile; purging forgets them.
 */
@FoyerFullStackTest
class ConsolidatedAccountDeleteTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    ConsolidatedAccounts accounts;
    @Autowired
    Companies companies;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    StaffPrincipal admin;
    Rows rows;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        admin = Admins.testAdmin(jdbc);
        rows = new Rows(jdbc);
    }

    @Test
    void deletedAccountLetsGoOfItsCompaniesAndARestoreGroupsThemAgain() throws Exception {
        ConsolidatedAccount group = accounts.create(admin, "Northwind group " + UUID.randomUUID(), null);
        Company stays = aCompany().named("Northwind Retail").inAccount(group.id()).createdBy(companies, admin);
        Company moves = aCompany().named("Northwind Logistics").inAccount(group.id()).createdBy(companies, admin);
        String base = "/consolidated-accounts/" + group.id();
        mvc.perform(get(base).with(user(admin))).andExpect(content().string(containsString(base + "/delete")));

        mvc.perform(post(base + "/delete").with(user(admin)).with(csrf()).param("version", String.valueOf(group.version())))
                .andExpect(redirectedUrl("/consolidated-accounts"))
                .andExpect(flash().attribute("deleted", group.name()));

        assertThat(account(stays)).isNull();
        assertThat(account(moves)).isNull();
        assertThat(rows.lastAction(Companies.RECORD_TYPE, stays.id().value())).isEqualTo("UPDATED");
        assertThat(rows.lastAction(ConsolidatedAccounts.RECORD_TYPE, group.id().value())).isEqualTo("DELETED");
        mvc.perform(get(base).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/recycle-bin").with(user(admin)))
                .andExpect(content().string(containsString("Consolidated account")))
                .andExpect(content().string(containsString(group.name())));

        // Meanwhile one company joins another group; the restore leaves it there.
        ConsolidatedAccount other = accounts.create(admin, "Other group " + UUID.randomUUID(), null);
        Company moved = companies.find(admin, moves.id()).orElseThrow();
        CompanyDetails d = moved.details();
        companies.update(admin, moved.id(), moved.version(), new CompanyDetails(d.name(), d.domain(), d.address(),
                d.phone(), d.notes(), other.id(), d.externalRef()));

        mvc.perform(post("/recycle-bin/CONSOLIDATED_ACCOUNT/" + group.id() + "/restore").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("done", "recycleBin.restored"));

        assertThat(account(stays)).isEqualTo(group.id().value());
        assertThat(account(moves)).isEqualTo(other.id().value());
        assertThat(detached(group)).isZero();
        assertThat(rows.lastAction(ConsolidatedAccounts.RECORD_TYPE, group.id().value())).isEqualTo("RESTORED");
        mvc.perform(get(base).with(user(admin))).andExpect(content().string(containsString("Northwind Retail")));
    }

    @Test
    void purgingAnAccountLeavesItsFormerCompaniesOutsideAnyGroup() throws Exception {
        ConsolidatedAccount group = accounts.create(admin, "Contoso group " + UUID.randomUUID(), null);
        Company company = aCompany().inAccount(group.id()).createdBy(companies, admin);
        accounts.moveToRecycleBin(admin, group.id(), group.version());

        mvc.perform(post("/recycle-bin/CONSOLIDATED_ACCOUNT/" + group.id() + "/purge").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("done", "recycleBin.purged"));

        assertThat(rows.withId("consolidated_account", group.id().value())).isZero();
        assertThat(rows.withId("company", company.id().value())).isOne();
        assertThat(account(company)).isNull();
        assertThat(detached(group)).isZero();
    }

    @Test
    void aStaleDeleteOrAMemberChangesNothing() throws Exception {
        ConsolidatedAccount group = accounts.create(admin, "Fabrikam group " + UUID.randomUUID(), null);
        Company company = aCompany().inAccount(group.id()).createdBy(companies, admin);
        var member = aStaffUser().withRole(StaffRole.MEMBER).createdBy(staffAccounts, admin);
        StaffPrincipal memberPrincipal = new StaffPrincipal(member.id(), member.email(), member.displayName(),
                StaffRole.MEMBER, null);
        String base = "/consolidated-accounts/" + group.id();
        long changes = rows.count("record_change");

        mvc.perform(post(base + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(group.version() + 1)))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("staleDelete", true));
        mvc.perform(post(base + "/delete").with(user(memberPrincipal)).with(csrf())
                        .param("version", String.valueOf(group.version())))
                .andExpect(status().isForbidden());

        assertThat(accounts.find(admin, group.id())).isPresent();
        assertThat(account(company)).isEqualTo(group.id().value());
        assertThat(rows.count("record_change")).isEqualTo(changes);
        mvc.perform(get(base).with(user(admin)).flashAttr("staleDelete", true))
                .andExpect(content().string(containsString("so it was not deleted")));
    }

    @Test
    void theApiMovesAnAccountToTheRecycleBinWith204And409And404And403() {
        ApiClient api = new ApiClient(port);
        String writeToken = tokens.create(admin, "CRM " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
        String readToken = tokens.create(admin, "CRM read " + System.nanoTime(), ApiScope.READ, null).secret();
        ConsolidatedAccount group = accounts.create(admin, "Litware group " + UUID.randomUUID(), null);
        Company company = aCompany().inAccount(group.id()).createdBy(companies, admin);
        String path = "/api/v1/consolidated-accounts/" + group.id();

        assertThat(api.send("DELETE", path + "?version=" + group.version(), readToken, null).statusCode()).isEqualTo(403);
        var stale = api.send("DELETE", path + "?version=" + (group.version() + 1), writeToken, null);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(account(company)).isEqualTo(group.id().value());

        assertThat(api.send("DELETE", path + "?version=" + group.version(), writeToken, null).statusCode()).isEqualTo(204);
        assertThat(account(company)).isNull();
        assertThat(rows.lastVia(ConsolidatedAccounts.RECORD_TYPE, group.id().value())).isEqualTo("API");
        assertThat(api.get(path, writeToken).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", path + "?version=1", writeToken, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theApiCreatesAndRenamesAnAccountAndRefusesAStaleRename() {
        ApiClient api = new ApiClient(port);
        String writeToken = tokens.create(admin, "ERP " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
        var created = api.send("POST", "/api/v1/consolidated-accounts", writeToken,
                "{\"name\":\"Tailspin holding\",\"externalRef\":\"erp-" + System.nanoTime() + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);

        var renamed = api.send("PUT", "/api/v1/consolidated-accounts/" + id, writeToken,
                "{\"name\":\"Tailspin group\",\"version\":0}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.body()).contains("\"name\":\"Tailspin group\"").contains("\"version\":1");
        var stale = api.send("PUT", "/api/v1/consolidated-accounts/" + id, writeToken,
                "{\"name\":\"Tailspin lost\",\"version\":0}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(api.send("POST", "/api/v1/consolidated-accounts", writeToken, "{\"name\":\"\"}").statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("select name from consolidated_account where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("Tailspin group");
    }

    private UUID account(Company company) {
        return jdbc.sql("select consolidated_account_id from company where id = :id").param("id", company.id().value())
                .query(UUID.class).optional().orElse(null);
    }

    private long detached(ConsolidatedAccount group) {
        return jdbc.sql("select count(*) from company where detached_from_account = :id").param("id", group.id().value())
                .query(Long.class).single();
    }
}
