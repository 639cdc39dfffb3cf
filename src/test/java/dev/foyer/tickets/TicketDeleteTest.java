package dev.foyer.tickets;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.files.FileStorage;
import dev.foyer.files.FileTypeId;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.Samples;
import dev.foyer.files.StoredFile;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
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
import static dev.foyer.test.TicketBuilders.aComment;
import static dev.foyer.test.TicketBuilders.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
 * Issue 3 item 9: a ticket is deleted for good — by its editors on the ticket page and by an
 * integration with DELETE — with its comments, staff memberships and files; a stale version or a
 * missing right deletes nothing.
 */
@FoyerFullStackTest
class TicketDeleteTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketComments comments;
    @Autowired
    Companies companies;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    StoredFiles files;
    @Autowired
    FileStorage storage;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    ApiClient api;
    StaffPrincipal admin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        api = new ApiClient(port);
        admin = Admins.testAdmin(jdbc);
    }

    @Test
    void anEditorDeletesATicketWithItsCommentsMembersAndFiles() throws Exception {
        Ticket ticket = ticket();
        TicketComment comment = aComment().on(ticket.id()).postedBy(comments, admin);
        StoredFile file = files.store(admin, new OwnerRef("ticket", ticket.id().value()), "log.pdf",
                new ByteArrayInputStream(Samples.PDF), document(), false);
        assertThat(members(ticket)).isOne();
        String base = "/tickets/" + ticket.id();
        mvc.perform(get(base).with(user(admin))).andExpect(content().string(containsString(base + "/delete")));

        mvc.perform(post(base + "/delete").with(user(admin)).with(csrf()).param("version", String.valueOf(ticket.version())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/tickets"))
                .andExpect(flash().attribute("deletedNumber", ticket.number()));

        assertThat(rows("ticket", ticket.id().value())).isZero();
        assertThat(rows("ticket_comment", comment.id().value())).isZero();
        assertThat(members(ticket)).isZero();
        assertThat(rows("stored_file", file.id().value())).isZero();
        assertThat(storage.exists(file.id().toString())).as("the bytes go once the delete committed").isFalse();
        assertThat(lastAction(Tickets.RECORD_TYPE, ticket.id().value())).isEqualTo("DELETED");
        assertThat(lastAction(TicketComments.RECORD_TYPE, comment.id().value())).isEqualTo("DELETED");
        assertThat(lastAction(StoredFiles.RECORD_TYPE, file.id().value())).isEqualTo("DELETED");
        mvc.perform(get("/tickets").with(user(admin)).flashAttr("deletedNumber", ticket.number()))
                .andExpect(content().string(containsString("Ticket #" + ticket.number() + " was deleted")));
        mvc.perform(get(base).with(user(admin))).andExpect(status().isNotFound());
    }

    @Test
    void aStaleDeleteIsRefusedAndChangesNothing() throws Exception {
        Ticket ticket = ticket();
        TicketComment comment = aComment().on(ticket.id()).postedBy(comments, admin);
        long changes = count("record_change");
        String base = "/tickets/" + ticket.id();

        mvc.perform(post(base + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(ticket.version() + 1)))
                .andExpect(redirectedUrl(base + "#delete-heading"))
                .andExpect(flash().attribute("staleDelete", true));

        assertThat(rows("ticket", ticket.id().value())).isOne();
        assertThat(rows("ticket_comment", comment.id().value())).isOne();
        assertThat(members(ticket)).isOne();
        assertThat(count("record_change")).isEqualTo(changes);
        mvc.perform(get(base).with(user(admin)).flashAttr("staleDelete", true))
                .andExpect(content().string(containsString("so it was not deleted")));
    }

    @Test
    void staffWhoMayNotEditTheTicketGet403AndNothingChanges() throws Exception {
        Ticket ticket = ticket();
        StaffPrincipal outsider = staff(StaffRole.MEMBER);
        String base = "/tickets/" + ticket.id();
        mvc.perform(get(base).with(user(outsider)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(base + "/delete"))));

        mvc.perform(post(base + "/delete").with(user(outsider)).with(csrf())
                        .param("version", String.valueOf(ticket.version())))
                .andExpect(status().isForbidden());

        assertThat(rows("ticket", ticket.id().value())).isOne();
    }

    @Test
    void theApiDeletesATicketWith204And409And404And403() throws Exception {
        String writeToken = tokens.create(admin, "Help desk " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
        String readToken = tokens.create(admin, "Reader " + System.nanoTime(), ApiScope.READ, null).secret();
        Ticket ticket = ticket();
        TicketComment comment = aComment().on(ticket.id()).postedBy(comments, admin);
        String path = "/api/v1/tickets/" + ticket.id();

        assertThat(api.send("DELETE", path + "?version=" + ticket.version(), readToken, null).statusCode())
                .as("a read-only token may not delete").isEqualTo(403);
        assertThat(api.send("DELETE", path + "?version=" + (ticket.version() + 1), writeToken, null).statusCode())
                .isEqualTo(409);
        assertThat(rows("ticket", ticket.id().value())).isOne();
        assertThat(rows("ticket_comment", comment.id().value())).isOne();

        HttpResponse<String> deleted = api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Authorization", "Bearer " + writeToken)
                .header("If-Match", "\"" + ticket.version() + "\"").DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(rows("ticket", ticket.id().value())).isZero();
        assertThat(rows("ticket_comment", comment.id().value())).isZero();
        assertThat(jdbc.sql("select via from record_change where record_id = :id and action = 'DELETED'")
                .param("id", ticket.id().value()).query(String.class).single()).isEqualTo("API");
        assertThat(api.send("DELETE", path + "?version=0", writeToken, null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/tickets/" + UUID.randomUUID() + "?version=0", writeToken, null)
                .statusCode()).isEqualTo(404);
    }

    private Ticket ticket() {
        Company company = aCompany().createdBy(companies, admin);
        return aTicket().at(company.id()).about("Printer on fire").openedBy(tickets, admin);
    }

    private FileTypeId document() {
        return new FileTypeId(jdbc.sql("select id from file_type where name = 'Document'").query(UUID.class).single());
    }

    private StaffPrincipal staff(StaffRole role) {
        var user = aStaffUser().withRole(role).createdBy(staffAccounts, admin);
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), role, null);
    }

    private long members(Ticket ticket) {
        return jdbc.sql("select count(*) from ticket_staff_member where ticket_id = :id").param("id", ticket.id().value())
                .query(Long.class).single();
    }

    private long rows(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single();
    }

    private String lastAction(String type, UUID id) {
        return jdbc.sql("select action from record_change where record_type = :type and record_id = :id"
                        + " order by id desc limit 1")
                .param("type", type).param("id", id).query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
