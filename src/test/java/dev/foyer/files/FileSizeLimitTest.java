package dev.foyer.files;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import dev.foyer.test.WebUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 3: an upload over the size limit is refused with a clear message, over real HTTP (the
 * servlet container refuses it before Foyer reads it) and in the service (while streaming), and
 * leaves no row and no file.
 */
@FoyerFullStackTest
@Import(TestRecords.class)
@TestPropertySource(properties = "foyer.files.max-size=2KB")
class FileSizeLimitTest {

    private static final Pattern UPLOAD_ACTION = Pattern.compile("action=\"(/files\\?[^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    StoredFiles files;
    @Autowired
    dev.foyer.directory.Companies companies;
    @Autowired
    dev.foyer.projects.Projects projects;
    @Autowired
    dev.foyer.api.ApiTokens apiTokens;
    @Autowired
    JdbcClient jdbc;
    @Value("${foyer.files.dir}")
    Path folder;

    @Test
    void aTooLargeUploadInTheBrowserLeadsBackToTheRecordWithAClearMessageAndLeavesNothing() {
        OwnerRef owner = TestRecords.newRecord();
        WebUser staff = new WebUser(port);
        assertThat(location(staff.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD))).endsWith("/");
        Set<String> before = Samples.filesIn(folder);

        String action = uploadAction(staff, owner);
        HttpResponse<String> refused = staff.postMultipart(action, Map.of("fileTypeId", document()), "file",
                "big.pdf", Samples.ofSize(5 * 1024));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location(refused)).endsWith("/files/too-large?ownerType=test-record&ownerId=" + owner.id());
        HttpResponse<String> back = staff.get(java.net.URI.create(location(refused)).getRawPath() + "?"
                + java.net.URI.create(location(refused)).getRawQuery());
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).endsWith("/test-records/" + owner.id());
        HttpResponse<String> page = staff.get("/test-records/" + owner.id());
        assertThat(page.body()).contains("This file is too large. Files can be up to 2 KB.");
        assertThat(rowsOf(owner)).isZero();
        assertThat(Samples.filesIn(folder)).isEqualTo(before);

        HttpResponse<String> accepted = staff.postMultipart(uploadAction(staff, owner), Map.of("fileTypeId", document()),
                "file", "small.txt", Samples.ofSize(1024));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(staff.get("/test-records/" + owner.id()).body()).contains("Saved small.txt.").contains("1 KB");
        assertThat(rowsOf(owner)).isOne();
    }

    @Test
    void aTooLargeUploadThroughTheApiGets413AndOwnerTypesClosedToTheApiAre404() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        var company = dev.foyer.test.DirectoryBuilders.aCompany().createdBy(companies, admin);
        var project = dev.foyer.test.ProjectBuilders.aProject().of(company.id()).createdBy(projects, admin);
        String token = apiTokens.create(admin, "size " + System.nanoTime(), dev.foyer.api.ApiScope.READ_WRITE, null)
                .secret();
        var api = new dev.foyer.test.ApiClient(port);
        Map<String, String> fields = Map.of("ownerType", "project", "ownerId", project.id().toString(),
                "fileTypeId", document());
        Set<String> before = Samples.filesIn(folder);
        long rows = jdbc.sql("select count(*) from stored_file").query(Long.class).single();

        HttpResponse<String> refused = api.postMultipart("/api/v1/files", token, fields, "big.pdf", Samples.ofSize(5 * 1024));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // The test-record owner type opens nothing to the API (FileOwnerAccess#exists answers false by default).
        OwnerRef closed = TestRecords.newRecord();
        assertThat(api.postMultipart("/api/v1/files", token, Map.of("ownerType", closed.type(), "ownerId",
                closed.id().toString(), "fileTypeId", document()), "a.txt", Samples.TEXT).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from stored_file").query(Long.class).single()).isEqualTo(rows);
        assertThat(Samples.filesIn(folder)).isEqualTo(before);

        assertThat(api.postMultipart("/api/v1/files", token, fields, "small.txt", Samples.ofSize(1024)).statusCode())
                .isEqualTo(201);
    }

    @Test
    void theServiceStopsReadingAtTheLimitAndKeepsNothing() {
        OwnerRef owner = TestRecords.newRecord();
        Set<String> before = Samples.filesIn(folder);
        assertThatThrownBy(() -> files.store(Admins.testAdmin(jdbc), owner, "big.txt",
                new ByteArrayInputStream(Samples.ofSize(2 * 1024 + 1)), new FileTypeId(UUID.fromString(document())), false))
                .isInstanceOfSatisfying(FilesException.class, e -> assertThat(e.messageKey()).isEqualTo("files.error.tooLarge"));
        assertThat(rowsOf(owner)).isZero();
        assertThat(Samples.filesIn(folder)).isEqualTo(before);

        // Exactly at the limit is fine.
        files.store(Admins.testAdmin(jdbc), owner, "fits.txt", new ByteArrayInputStream(Samples.ofSize(2 * 1024)),
                new FileTypeId(UUID.fromString(document())), false);
        assertThat(rowsOf(owner)).isOne();
    }

    @Test
    void downloadsOverRealHttpCarryOneSandboxPolicyAndNosniff() {
        OwnerRef owner = TestRecords.newRecord();
        StoredFile file = files.store(Admins.testAdmin(jdbc), owner, "page.html", new ByteArrayInputStream(Samples.HTML),
                new FileTypeId(UUID.fromString(document())), false);
        WebUser staff = new WebUser(port);
        staff.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD);
        HttpResponse<String> download = staff.get("/files/" + file.id() + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().allValues("Content-Security-Policy")).containsExactly("sandbox");
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment;"));
    }

    private String uploadAction(WebUser staff, OwnerRef owner) {
        HttpResponse<String> page = staff.get("/test-records/" + owner.id());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher matcher = UPLOAD_ACTION.matcher(page.body());
        assertThat(matcher.find()).as("the upload form's action").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private String document() {
        return jdbc.sql("select id from file_type where name = 'Document'").query(UUID.class).single().toString();
    }

    private long rowsOf(OwnerRef owner) {
        return jdbc.sql("select count(*) from stored_file where owner_type = :t and owner_id = :id")
                .param("t", owner.type()).param("id", owner.id()).query(Long.class).single();
    }
}
