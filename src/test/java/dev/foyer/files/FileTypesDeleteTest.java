package dev.foyer.files;

import java.io.ByteArrayInputStream;
import java.util.UUID;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.directory.Companies;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.Rows;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.TicketBuilders.aTicket;
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
 * Issue 3 items 4, 6 and 9: file types have a history, are written through the API as well as by admins, and are
 * deleted only while no file has them (a type in use is deactivated instead, so no file loses its type).
 */
@FoyerFullStackTest
class FileTypesDeleteTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    FileTypes fileTypes;
    @Autowired
    StoredFiles files;
    @Autowired
    Companies companies;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Tickets tickets;
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

    private OwnerRef ticketOwner() {
        var company = aCompany().createdBy(companies, admin);
        var ticket = aTicket().at(company.id()).about("Scanner jammed").openedBy(tickets, admin);
        return new OwnerRef("ticket", ticket.id().value());
    }

    @Test
    void anAdminDeletesAnUnusedTypeAndTheHistoryShowsItsChanges() throws Exception {
        FileType type = fileTypes.create(admin, "Blueprint " + UUID.randomUUID(), true);
        type = fileTypes.setActive(admin, type.id(), type.version(), false);
        mvc.perform(get("/settings/file-types/" + type.id()).with(user(admin)))
                .andExpect(content().string(containsString("<del>Yes</del>")))
                .andExpect(content().string(containsString("<ins>No</ins>")))
                .andExpect(content().string(containsString("/settings/file-types/" + type.id() + "/delete")));

        mvc.perform(post("/settings/file-types/" + type.id() + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(type.version())))
                .andExpect(redirectedUrl("/settings/file-types"))
                .andExpect(flash().attribute("deleted", type.name()));

        assertThat(rows.withId("file_type", type.id().value())).isZero();
        assertThat(rows.lastAction(FileTypes.RECORD_TYPE, type.id().value())).isEqualTo("DELETED");
    }

    @Test
    void aTypeThatFilesHaveIsNotDeletedAndTheAdminIsToldToDeactivateIt() throws Exception {
        FileType type = fileTypes.create(admin, "Photo " + UUID.randomUUID(), true);
        files.store(admin, ticketOwner(), "site.pdf",
                new ByteArrayInputStream(Samples.PDF), type.id(), false);
        long changes = rows.count("record_change");

        mvc.perform(post("/settings/file-types/" + type.id() + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(type.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Files have this type, so it cannot be deleted.")));

        assertThat(rows.withId("file_type", type.id().value())).isOne();
        assertThat(rows.count("record_change")).isEqualTo(changes);
    }

    @Test
    void theApiCreatesUpdatesDeactivatesAndDeletesFileTypes() {
        ApiClient api = new ApiClient(port);
        String writeToken = tokens.create(admin, "DMS " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
        String readToken = tokens.create(admin, "DMS read " + System.nanoTime(), ApiScope.READ, null).secret();
        String name = "Scan " + UUID.randomUUID();

        assertThat(api.send("POST", "/api/v1/file-types", readToken, "{\"name\":\"" + name + "\"}").statusCode())
                .isEqualTo(403);
        var created = api.send("POST", "/api/v1/file-types", writeToken,
                "{\"name\":\"" + name + "\",\"customerFile\":true}");
        assertThat(created.statusCode()).isEqualTo(201);
        String path = created.headers().firstValue("Location").orElseThrow();
        assertThat(api.send("POST", "/api/v1/file-types", writeToken, "{\"name\":\"" + name + "\"}").statusCode())
                .as("a taken name").isEqualTo(400);

        var deactivated = api.send("PUT", path, writeToken,
                "{\"name\":\"" + name + "\",\"customerFile\":true,\"active\":false,\"version\":0}");
        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(deactivated.body()).contains("\"active\":false").contains("\"version\":1");
        assertThat(api.send("PUT", path, writeToken, "{\"name\":\"Other\",\"version\":0}").statusCode())
                .as("stale").isEqualTo(409);

        assertThat(api.send("DELETE", path + "?version=0", writeToken, null).statusCode()).isEqualTo(409);
        assertThat(api.send("DELETE", path + "?version=1", writeToken, null).statusCode()).isEqualTo(204);
        assertThat(api.get(path, writeToken).statusCode()).isEqualTo(404);

        FileType used = fileTypes.create(admin, "Used " + UUID.randomUUID(), false);
        files.store(admin, ticketOwner(), "memo.pdf",
                new ByteArrayInputStream(Samples.PDF), used.id(), false);
        var refused = api.send("DELETE", "/api/v1/file-types/" + used.id() + "?version=" + used.version(), writeToken,
                null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Deactivate it instead");
    }
}
