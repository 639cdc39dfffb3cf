package dev.foyer.files;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.api.ApiScope;
import dev.foyer.api.ApiTokens;
import dev.foyer.directory.Companies;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.projects.Project;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.ProjectUpdate;
import dev.foyer.projects.Projects;
import dev.foyer.projects.UpdateDetails;
import dev.foyer.test.Admins;
import dev.foyer.test.ApiClient;
import dev.foyer.test.DirectoryBuilders;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.ProjectBuilders;
import dev.foyer.test.TicketBuilders;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.Tickets;
import dev.foyer.test.TestAdmin;
import dev.foyer.test.WebUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3 item 9: integrations upload, read, share and delete the files of records over the REST API. */
@FoyerFullStackTest
class FilesApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The seeded file type "Document". */
    private static final String DOCUMENT_TYPE = "0193a1f0-0000-7000-8000-000000000001";

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Companies companies;
    @Autowired
    Projects projects;
    @Autowired
    ProjectItems items;
    @Autowired
    Tickets tickets;
    @Value("${foyer.files.dir}")
    Path folder;

    ApiClient api;
    String tokenName;
    String writeToken;
    String readToken;
    StaffPrincipal admin;
    dev.foyer.directory.Company company;
    Project project;
    ProjectUpdate update;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Admins.testAdmin(jdbc);
        tokenName = "DMS sync " + System.nanoTime();
        writeToken = tokens.create(admin, tokenName, ApiScope.READ_WRITE, null).secret();
        readToken = tokens.create(admin, "reader " + System.nanoTime(), ApiScope.READ, null).secret();
        company = DirectoryBuilders.aCompany().createdBy(companies, admin);
        project = ProjectBuilders.aProject().of(company.id()).createdBy(projects, admin);
        update = ProjectBuilders.anItem(items, admin, project.id(),
                new UpdateDetails("Weekly report", "<p>All good</p>", false), ProjectUpdate.class);
    }

    @Test
    void pngBytesNamedReportPdfAreStoredDownloadedSafelyListedAndShownOnTheStaffPage() throws Exception {
        HttpResponse<String> created = upload(writeToken, "project-update", update.uuid().toString(), "report.pdf",
                Samples.PNG);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode file = JSON.readTree(created.body());
        String id = file.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/files/" + id);
        assertThat(file.get("contentType").asText()).isEqualTo("image/png");
        assertThat(file.get("name").asText()).isEqualTo("report.pdf");
        assertThat(file.get("ownerType").asText()).isEqualTo("project-update");
        assertThat(file.get("shared").asBoolean()).isFalse();
        assertThat(file.get("createdBy").asText()).as("the token's creator").isEqualTo(admin.id().toString());

        HttpResponse<String> metadata = api.get("/api/v1/files/" + id, readToken);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(JSON.readTree(metadata.body()).get("contentType").asText()).isEqualTo("image/png");

        HttpResponse<byte[]> content = api.getBytes("/api/v1/files/" + id + "/content", readToken);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(Samples.PNG);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(content.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
        assertThat(content.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(content.headers().allValues("Content-Security-Policy")).containsExactly("sandbox");

        // By owner, and as a sync sees it: changed since the file's updatedAt.
        JsonNode byOwner = JSON.readTree(api.get("/api/v1/files?ownerType=project-update&ownerId=" + update.uuid(),
                readToken).body());
        assertThat(byOwner.get("totalItems").asLong()).isEqualTo(1);
        assertThat(byOwner.get("items").get(0).get("id").asText()).isEqualTo(id);
        String since = URLEncoder.encode(file.get("updatedAt").asText(), StandardCharsets.UTF_8);
        JsonNode changed = JSON.readTree(api.get("/api/v1/files?updatedSince=" + since, readToken).body());
        assertThat(changed.get("items").findValuesAsString("id")).contains(id);
        String later = URLEncoder.encode(java.time.Instant.parse(file.get("updatedAt").asText()).plusSeconds(1)
                .toString(), StandardCharsets.UTF_8);
        JsonNode none = JSON.readTree(api.get("/api/v1/files?ownerType=project-update&ownerId=" + update.uuid()
                + "&updatedSince=" + later, readToken).body());
        assertThat(none.get("items")).isEmpty();

        WebUser staff = new WebUser(port);
        staff.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD);
        HttpResponse<String> page = staff.get("/projects/" + project.id() + "/updates/" + update.uuid());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("report.pdf", "/files/" + id + "/download");
    }

    @Test
    void aReadTokenCannotUploadShareOrDelete() throws Exception {
        String id = JSON.readTree(upload(writeToken, "project-update", update.uuid().toString(), "a.png", Samples.PNG)
                .body()).get("id").asText();
        Set<String> onDisk = Samples.filesIn(folder);
        long rows = count();

        HttpResponse<String> refused = upload(readToken, "project-update", update.uuid().toString(), "b.png",
                Samples.PNG);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.send("PUT", "/api/v1/files/" + id, readToken, "{\"shared\":true,\"version\":0}").statusCode())
                .isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/files/" + id + "?version=0", readToken, null).statusCode())
                .isEqualTo(403);

        assertThat(count()).isEqualTo(rows);
        assertThat(Samples.filesIn(folder)).isEqualTo(onDisk);
        JsonNode unchanged = JSON.readTree(api.get("/api/v1/files/" + id, readToken).body());
        assertThat(unchanged.get("shared").asBoolean()).isFalse();
        assertThat(unchanged.get("version").asLong()).isZero();
    }

    @Test
    void unknownOwnersAreRefusedAndNothingIsStored() throws Exception {
        Set<String> onDisk = Samples.filesIn(folder);
        long rows = count();

        HttpResponse<String> unknownType = upload(writeToken, "invoice", update.uuid().toString(), "a.png", Samples.PNG);
        assertThat(unknownType.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownType.body()).get("status").asInt()).isEqualTo(404);
        assertThat(upload(writeToken, "project-update", UUID.randomUUID().toString(), "a.png", Samples.PNG)
                .statusCode()).isEqualTo(404);
        // A record of another type with that id is not the owner either.
        assertThat(upload(writeToken, "ticket", update.uuid().toString(), "a.png", Samples.PNG).statusCode())
                .isEqualTo(404);
        // A malformed owner is a bad request, naming both fields.
        HttpResponse<String> malformed = upload(writeToken, "Not A Type", "nope", "a.png", Samples.PNG);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("errors").findValuesAsString("field"))
                .contains("ownerType", "ownerId");
        assertThat(api.get("/api/v1/files?ownerType=invoice&ownerId=" + UUID.randomUUID(), readToken).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/files/" + UUID.randomUUID(), readToken).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/files/not-an-id/content", readToken).statusCode()).isEqualTo(404);

        assertThat(count()).isEqualTo(rows);
        assertThat(Samples.filesIn(folder)).isEqualTo(onDisk);
    }

    @Test
    void aStaleShareGets409AndChangesNothingThenSharingWorks() throws Exception {
        String id = JSON.readTree(upload(writeToken, "project", project.id().toString(), "plan.pdf", Samples.PDF)
                .body()).get("id").asText();
        String path = "/api/v1/files/" + id;
        HttpResponse<String> shared = api.send("PUT", path, writeToken, "{\"shared\":true,\"version\":0}");
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shared.body()).get("version").asLong()).isEqualTo(1);

        HttpResponse<String> stale = api.send("PUT", path, writeToken, "{\"shared\":false,\"version\":0}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode after = JSON.readTree(api.get(path, writeToken).body());
        assertThat(after.get("shared").asBoolean()).isTrue();
        assertThat(after.get("version").asLong()).isEqualTo(1);

        assertThat(api.send("DELETE", path + "?version=0", writeToken, null).statusCode()).isEqualTo(409);
        assertThat(api.get(path, writeToken).statusCode()).isEqualTo(200);
    }

    @Test
    void filesAttachToTicketsToo() throws Exception {
        Ticket ticket = TicketBuilders.aTicket().at(company.id()).openedBy(tickets, admin);
        HttpResponse<String> created = upload(writeToken, "ticket", ticket.id().toString(), "notes.txt", Samples.TEXT);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("contentType").asText()).isEqualTo("text/plain");
        JsonNode listed = JSON.readTree(api.get("/api/v1/files?ownerType=ticket&ownerId=" + ticket.id(), readToken)
                .body());
        assertThat(listed.get("items").findValuesAsString("name")).containsExactly("notes.txt");
    }

    @Test
    void deleteRemovesTheRowAndTheBytes() throws Exception {
        String id = JSON.readTree(upload(writeToken, "project-update", update.uuid().toString(), "gone.png",
                Samples.PNG).body()).get("id").asText();
        assertThat(Samples.filesIn(folder)).anyMatch(file -> file.endsWith(id));

        var request = java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/files/" + id))
                .header("Authorization", "Bearer " + writeToken).header("If-Match", "\"0\"").DELETE().build();
        assertThat(api.send(request).statusCode()).isEqualTo(204);

        assertThat(jdbc.sql("select count(*) from stored_file where id = :id").param("id", UUID.fromString(id))
                .query(Long.class).single()).isZero();
        assertThat(Samples.filesIn(folder)).noneMatch(file -> file.endsWith(id));
        assertThat(api.get("/api/v1/files/" + id, writeToken).statusCode()).isEqualTo(404);
        assertThat(api.getBytes("/api/v1/files/" + id + "/content", writeToken).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> upload(String token, String ownerType, String ownerId, String name, byte[] bytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ownerType", ownerType);
        fields.put("ownerId", ownerId);
        fields.put("fileTypeId", DOCUMENT_TYPE);
        return api.postMultipart("/api/v1/files", token, fields, name, bytes);
    }

    private long count() {
        return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
    }
}
