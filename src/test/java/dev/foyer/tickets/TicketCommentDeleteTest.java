package dev.foyer.tickets;

import java.util.UUID;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
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
 * Issue 3 item 9: a single ticket comment is deleted for good — by its author or the ticket's editors, and by an
 * integration with DELETE; anyone else, or a stale version, deletes nothing.
 */
@FoyerFullStackTest
class TicketCommentDeleteTest {

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
    void theAuthorDeletesTheirCommentAndTheOthersStay() throws Exception {
        Ticket ticket = ticket();
        StaffPrincipal author = staff(StaffRole.MEMBER);
        TicketComment mine = aComment().on(ticket.id()).postedBy(comments, author);
        TicketComment other = aComment().on(ticket.id()).postedBy(comments, admin);
        String base = "/tickets/" + ticket.id();
        String deletePath = base + "/comments/" + mine.id() + "/delete";
        mvc.perform(get(base).with(user(author)))
                .andExpect(content().string(containsString(deletePath)))
                .andExpect(content().string(not(containsString(base + "/comments/" + other.id() + "/delete"))));

        mvc.perform(post(deletePath).with(user(author)).with(csrf()).param("version", String.valueOf(mine.version())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(base + "#comments-heading"))
                .andExpect(flash().attribute("commentDeleted", true));

        assertThat(rows.withId("ticket_comment", mine.id().value())).isZero();
        assertThat(rows.withId("ticket_comment", other.id().value())).isOne();
        assertThat(rows.lastAction(TicketComments.RECORD_TYPE, mine.id().value())).isEqualTo("DELETED");
        mvc.perform(get(base).with(user(author)).flashAttr("commentDeleted", true))
                .andExpect(content().string(containsString("Comment deleted.")));
    }

    @Test
    void someoneWhoIsNeitherAuthorNorEditorGets403AndAStaleDeleteChangesNothing() throws Exception {
        Ticket ticket = ticket();
        TicketComment comment = aComment().on(ticket.id()).postedBy(comments, admin);
        Ticket elsewhere = ticket();
        StaffPrincipal outsider = staff(StaffRole.MEMBER);
        String deletePath = "/tickets/" + ticket.id() + "/comments/" + comment.id() + "/delete";
        long changes = rows.count("record_change");

        mvc.perform(post(deletePath).with(user(outsider)).with(csrf())
                        .param("version", String.valueOf(comment.version())))
                .andExpect(status().isForbidden());
        mvc.perform(post(deletePath).with(user(admin)).with(csrf())
                        .param("version", String.valueOf(comment.version() + 1)))
                .andExpect(redirectedUrl("/tickets/" + ticket.id() + "#comment-" + comment.id()))
                .andExpect(flash().attribute("staleCommentDelete", true));
        // A comment is reached only through its own ticket.
        mvc.perform(post("/tickets/" + elsewhere.id() + "/comments/" + comment.id() + "/delete").with(user(admin))
                        .with(csrf()).param("version", String.valueOf(comment.version())))
                .andExpect(status().isNotFound());

        assertThat(rows.withId("ticket_comment", comment.id().value())).isOne();
        assertThat(rows.count("record_change")).isEqualTo(changes);
    }

    @Test
    void theApiDeletesACommentWith204And409And404And403() throws Exception {
        ApiClient api = new ApiClient(port);
        String writeToken = tokens.create(admin, "Desk sync " + System.nanoTime(), ApiScope.READ_WRITE, null).secret();
        String readToken = tokens.create(admin, "Desk read " + System.nanoTime(), ApiScope.READ, null).secret();
        Ticket ticket = ticket();
        TicketComment first = aComment().on(ticket.id()).postedBy(comments, admin);
        TicketComment second = aComment().on(ticket.id()).postedBy(comments, admin);
        String perTicket = "/api/v1/tickets/" + ticket.id() + "/comments/" + first.id();

        assertThat(api.send("DELETE", perTicket + "?version=" + first.version(), readToken, null).statusCode())
                .as("a read-only token may not delete").isEqualTo(403);
        assertThat(api.send("DELETE", perTicket + "?version=" + (first.version() + 1), writeToken, null).statusCode())
                .isEqualTo(409);
        assertThat(rows.withId("ticket_comment", first.id().value())).isOne();
        assertThat(api.send("DELETE", perTicket + "?version=" + first.version(), writeToken, null).statusCode())
                .isEqualTo(204);
        assertThat(rows.withId("ticket_comment", first.id().value())).isZero();
        assertThat(rows.lastVia(TicketComments.RECORD_TYPE, first.id().value())).isEqualTo("API");
        assertThat(api.send("DELETE", perTicket + "?version=0", writeToken, null).statusCode()).isEqualTo(404);

        String flat = "/api/v1/ticket-comments/" + second.id();
        assertThat(api.send("DELETE", flat + "?version=" + second.version(), writeToken, null).statusCode())
                .isEqualTo(204);
        assertThat(rows.withId("ticket_comment", second.id().value())).isZero();
        assertThat(api.send("DELETE", "/api/v1/ticket-comments/" + UUID.randomUUID() + "?version=0", writeToken, null)
                .statusCode()).isEqualTo(404);
    }

    private Ticket ticket() {
        Company company = aCompany().createdBy(companies, admin);
        return aTicket().at(company.id()).about("Printer on fire").openedBy(tickets, admin);
    }

    private StaffPrincipal staff(StaffRole role) {
        var user = aStaffUser().withRole(role).createdBy(staffAccounts, admin);
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), role, null);
    }
}
