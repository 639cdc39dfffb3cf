package dev.foyer.portal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFile;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.foyer.test.FinanceBuilders.anInvoice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXP-7: staff writes that show something on the portal outside the UI paths notify portal users
 * like the UI paths do — a file shown on the portal, comments and status changes through the REST
 * API (recorded for the token's creator) — and EXP-9: the REST API names a comment's portal author.
 */
@FoyerFullStackTest
class StaffAndApiActivitiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Companies companies;
    @Autowired Contacts contacts;
    @Autowired PortalUsers portalUsers;
    @Autowired PortalMemberships memberships;
    @Autowired Projects projects;
    @Autowired ProjectItems items;
    @Autowired Tickets tickets;
    @Autowired TicketComments ticketComments;
    @Autowired FinanceDocuments finance;
    @Autowired FileTypes fileTypes;
    @Autowired StoredFiles files;
    @Autowired UserTypes userTypes;
    @Autowired ApiTokens apiTokens;
    @Autowired PortalInteractions interactions;

    StaffPrincipal admin;
    PortalSiteScene s;
    ApiClient api;
    String token;

    @BeforeEach
    void scene() {
        admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
        api = new ApiClient(port);
        token = apiTokens.create(admin, "CRM " + s.tag, ApiScope.READ_WRITE, null).secret();
    }

    @Test
    void aFileStaffShowOnThePortalIsAnActivityOfItsProjectAndHidingItIsNot() {
        StoredFile file = files.setShared(admin, s.unsharedFile.id(), s.unsharedFile.version(), true);
        assertThat(activities(s.unsharedFile.id().value()))
                .containsExactly("SHARED FILE PROJECT " + s.project.id().value() + " " + admin.id().value());
        files.setShared(admin, file.id(), file.version(), false);
        assertThat(activities(s.unsharedFile.id().value())).hasSize(1);
    }

    @Test
    void aSharedProjectCommentThroughTheApiIsAnActivityAsInTheUi() {
        HttpResponse<String> created = api.send("POST", "/api/v1/project-comments", token,
                "{\"projectId\":\"" + s.project.id().value() + "\",\"body\":\"From the CRM\",\"shared\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        assertThat(activities(id)).containsExactly(
                "COMMENTED PROJECT_COMMENT PROJECT " + s.project.id().value() + " " + admin.id().value());
        assertThat(JSON.readTree(created.body()).get("portalAuthor").isNull()).isTrue();
    }

    @Test
    void aSharedTicketCommentThroughTheApiIsAnActivityAndAnInternalOneIsNot() {
        String path = "/api/v1/tickets/" + s.ticket.id().value() + "/comments";
        HttpResponse<String> shared = api.send("POST", path, token, "{\"body\":\"Fixed in 2.1\",\"shared\":true}");
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
        UUID id = UUID.fromString(JSON.readTree(shared.body()).get("id").asText());
        assertThat(activities(id)).containsExactly(
                "COMMENTED TICKET_COMMENT TICKET " + s.ticket.id().value() + " " + admin.id().value());

        HttpResponse<String> internal = api.send("POST", path, token, "{\"body\":\"Internal\",\"shared\":false}");
        assertThat(internal.statusCode()).isEqualTo(201);
        assertThat(activities(UUID.fromString(JSON.readTree(internal.body()).get("id").asText()))).isEmpty();
    }

    @Test
    void sendingAnInvoiceThroughTheApiIsAnActivityAsInTheUi() {
        FinanceDocument draft = anInvoice().of(s.company.id()).createdBy(finance, admin);
        HttpResponse<String> sent = api.send("POST", "/api/v1/invoices/" + draft.id().value() + "/status", token,
                "{\"status\":\"SENT\",\"version\":" + draft.version() + "}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(jdbc.sql("select kind || ' ' || staff_user_id from record_activity where record_id = :id")
                .param("id", draft.id().value()).query(String.class).list())
                .containsExactly("SENT " + admin.id().value());
    }

    @Test
    void theApiNamesThePortalUserWhoWroteAComment() {
        UUID ticketComment = interactions.comment(s.full.id(), new RecordRef(RecordKind.TICKET, s.ticket.id().value()),
                "Still broken " + s.tag);
        JsonNode read = JSON.readTree(api.get("/api/v1/ticket-comments/" + ticketComment, token).body());
        assertThat(read.get("portalAuthor").get("id").asText()).isEqualTo(s.full.id().value().toString());
        assertThat(read.get("portalAuthor").get("name").asText()).isEqualTo("Paula Portal");

        UUID projectComment = interactions.comment(s.full.id(),
                new RecordRef(RecordKind.PROJECT, s.project.id().value()), "When is the launch " + s.tag);
        JsonNode project = JSON.readTree(api.get("/api/v1/project-comments/" + projectComment, token).body());
        assertThat(project.get("portalAuthor").get("name").asText()).isEqualTo("Paula Portal");

        // In a list, staff comments have none; the portal user's comment has theirs.
        JsonNode list = JSON.readTree(api.get("/api/v1/tickets/" + s.ticket.id().value() + "/comments?size=100",
                token).body());
        List<String> authors = new java.util.ArrayList<>();
        list.get("items").forEach(c -> authors.add(c.get("portalAuthor").isNull() ? "staff"
                : c.get("portalAuthor").get("name").asText()));
        assertThat(authors).contains("staff", "Paula Portal");
    }

    private List<String> activities(UUID record) {
        return jdbc.sql("""
                        select kind || ' ' || record_kind || ' ' || within_kind || ' ' || within_id || ' ' || staff_user_id
                        from record_activity where record_id = :id order by id""")
                .param("id", record).query(String.class).list();
    }
}
