package dev.foyer.files;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUserId;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 3: staff upload files to a record and download them safely; names render inert. */
@FoyerWebTest
@Import(TestRecords.class)
class FilesWebTest {

    /** Flash attributes as the dispatcher hands them on (MockMvc's flashAttr does not pass Spring Session). */
    private static final String FLASH = DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE;

    @Autowired
    MockMvc mvc;
    @Autowired
    StoredFiles files;
    @Autowired
    JdbcClient jdbc;
    @Value("${foyer.files.dir}")
    Path folder;

    @Test
    void pngBytesNamedReportPdfAreStoredAndDownloadedAsPngWithSafeHeaders() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        mvc.perform(upload(owner, "report.pdf", "application/pdf", Samples.PNG).with(user(admin)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/test-records/" + owner.id()))
                .andExpect(flash().attribute("filesSaved", "report.pdf"));
        StoredFile stored = only(owner);
        assertThat(stored.contentType()).isEqualTo("image/png");

        MvcResult download = mvc.perform(get("/files/" + stored.id() + "/download").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().stringValues("Content-Security-Policy", "sandbox"))
                .andExpect(header().longValue("Content-Length", Samples.PNG.length))
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(Samples.PNG);
    }

    @Test
    void htmlBytesNamedPhotoPngAreDownloadedAsAnOpaqueAttachment() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        mvc.perform(upload(owner, "photo.png", "image/png", Samples.HTML).with(user(admin))).andExpect(status().isFound());
        StoredFile stored = only(owner);
        assertThat(stored.contentType()).isEqualTo("text/html");

        mvc.perform(get("/files/" + stored.id() + "/download").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().stringValues("Content-Security-Policy", "sandbox"));
    }

    @Test
    void aNameWithNonAsciiAndQuotesIsOfferedInRfc5987Form() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        mvc.perform(upload(owner, "Angebot \"März\" €.txt", "text/plain", Samples.TEXT).with(user(admin)))
                .andExpect(status().isFound());
        StoredFile stored = only(owner);
        mvc.perform(get("/files/" + stored.id() + "/download").with(user(admin)))
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"Angebot _M_rz_ _.txt\"; filename*=UTF-8''Angebot%20%22M%C3%A4rz%22%20%E2%82%AC.txt"));
    }

    @Test
    void anUnknownFileAndAFileOfAnUnreadableRecordGetTheSame404() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        StoredFile file = files.store(admin, owner, "secret.pdf", new ByteArrayInputStream(Samples.PDF), document(), false);
        TestRecords.HIDDEN.add(owner.id());

        MvcResult hidden = mvc.perform(get("/files/" + file.id() + "/download").with(user(admin)))
                .andExpect(status().isNotFound()).andReturn();
        MvcResult unknown = mvc.perform(get("/files/" + StoredFileId.newId() + "/download").with(user(admin)))
                .andExpect(status().isNotFound()).andReturn();
        mvc.perform(get("/files/not-an-id/download").with(user(admin))).andExpect(status().isNotFound());
        assertThat(hidden.getResponse().getHeader("Content-Disposition")).isNull();
        assertThat(hidden.getResponse().getContentType()).isEqualTo(unknown.getResponse().getContentType());
        // Nor can it be changed or listed.
        mvc.perform(post("/files/" + file.id() + "/shared").with(user(admin)).with(csrf()).param("version", "0")
                .param("shared", "true")).andExpect(status().isNotFound());
        mvc.perform(post("/files/" + file.id() + "/delete").with(user(admin)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(upload(owner, "more.pdf", "application/pdf", Samples.PDF).with(user(admin))).andExpect(status().isNotFound());
        assertThat(rowsOf(owner)).isOne();
    }

    @Test
    void anOwnerTypeWithoutAnAccessBeanIsRefusedAndNothingIsStored() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef unhandled = new OwnerRef("invoice", UUID.randomUUID());
        Set<String> before = Samples.filesIn(folder);
        mvc.perform(upload(unhandled, "a.pdf", "application/pdf", Samples.PDF).with(user(admin)))
                .andExpect(status().isNotFound());
        assertThat(rowsOf(unhandled)).isZero();
        assertThat(Samples.filesIn(folder)).isEqualTo(before);
    }

    @Test
    void aStaffUserWhoMayReadButNotAttachIsRefusedAndNothingIsStored() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.readOnlyRecord();
        mvc.perform(upload(owner, "a.pdf", "application/pdf", Samples.PDF).with(user(admin)))
                .andExpect(status().isForbidden());
        assertThat(rowsOf(owner)).isZero();
        mvc.perform(get("/test-records/" + owner.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("enctype=\"multipart/form-data\""))));
    }

    @Test
    void emptyFilesMissingFilesAndUnknownTypesGetClearMessagesAndStoreNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        Set<String> before = Samples.filesIn(folder);

        mvc.perform(upload(owner, "empty.pdf", "application/pdf", new byte[0]).with(user(admin)))
                .andExpect(status().isFound()).andExpect(flash().attribute("filesError", "files.error.empty"));
        mvc.perform(upload(owner, "a.pdf", "application/pdf", Samples.PDF).param("fileTypeId", FileTypeId.newId().toString())
                        .with(user(admin)))
                .andExpect(flash().attribute("filesError", "files.error.type"));
        mvc.perform(multipart("/files").param("ownerType", owner.type()).param("ownerId", owner.id().toString())
                        .param("fileTypeId", document().toString()).with(csrf()).with(user(admin)))
                .andExpect(flash().attribute("filesError", "files.error.noFile"));
        assertThat(rowsOf(owner)).isZero();
        assertThat(Samples.filesIn(folder)).isEqualTo(before);

        mvc.perform(get("/test-records/" + owner.id()).with(user(admin)).requestAttr(FLASH, Map.of("filesError", "files.error.type")))
                .andExpect(content().string(containsString("Choose a file type from the list.")));
        mvc.perform(get("/test-records/" + owner.id()).with(user(admin)).requestAttr(FLASH, Map.of("filesError", "files.error.tooLarge")))
                .andExpect(content().string(containsString("This file is too large. Files can be up to 25 MB.")));
    }

    @Test
    void hostileFileNamesRenderInertOnTheRecordPage() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        mvc.perform(upload(owner, "<img src=x onerror=alert(1)>.png", "image/png", Samples.PNG).with(user(admin)))
                .andExpect(status().isFound());
        // A name with slashes loses its "folders" when stored; one that reached the table some other way must still be inert.
        StoredFile other = files.store(admin, owner, "other.pdf", new ByteArrayInputStream(Samples.PDF), document(), false);
        jdbc.sql("update stored_file set name = '<script>alert(1)</script>.pdf' where id = :id")
                .param("id", other.id().value()).update();

        String page = mvc.perform(get("/test-records/" + owner.id()).with(user(admin))
                        .requestAttr(FLASH, Map.of("filesSaved", "<script>alert(1)</script>.pdf")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;.png")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;.pdf")
                .doesNotContain("<img src=x")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void showingOnThePortalIsSwitchedFromTheRecordPageAndAStaleSwitchSaysSo() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        StoredFile file = files.store(admin, owner, "proof.png", new ByteArrayInputStream(Samples.PNG), document(), false);
        mvc.perform(post("/files/" + file.id() + "/shared").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(file.version())).param("shared", "true"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/test-records/" + owner.id()));
        assertThat(files.find(admin, file.id()).orElseThrow().sharedOnPortal()).isTrue();
        mvc.perform(post("/files/" + file.id() + "/shared").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(file.version())).param("shared", "false"))
                .andExpect(flash().attribute("filesError", "files.error.stale"));
        assertThat(files.find(admin, file.id()).orElseThrow().sharedOnPortal()).isTrue();
    }

    @Test
    void withHtmxTheSwitchAnswersWithItselfInPlaceAndAStaleSwitchSaysSoThere() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef owner = TestRecords.newRecord();
        StoredFile file = files.store(admin, owner, "proof.png", new ByteArrayInputStream(Samples.PNG), document(), false);
        String fragment = mvc.perform(post("/files/" + file.id() + "/shared").with(user(admin)).with(csrf())
                        .header("HX-Request", "true")
                        .param("version", String.valueOf(file.version())).param("shared", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).startsWith("<div class=\"share\" id=\"file-share-" + file.id() + "\"")
                .contains("aria-pressed=\"true\"").doesNotContain("<html", "<nav");
        assertThat(files.find(admin, file.id()).orElseThrow().sharedOnPortal()).isTrue();

        String stale = mvc.perform(post("/files/" + file.id() + "/shared").with(user(admin)).with(csrf())
                        .header("HX-Request", "true")
                        .param("version", String.valueOf(file.version())).param("shared", "false"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("role=\"alert\"").contains("aria-pressed=\"true\"");
        assertThat(files.find(admin, file.id()).orElseThrow().sharedOnPortal()).isTrue();
    }

    @Test
    void aMemberUploadsWhereTheOwnerAllowsAndTheFileIsListedOnTheRecordPage() throws Exception {
        var member = new StaffPrincipal(StaffUserId.newId(), "member@foyer.test", "Mia Member", StaffRole.MEMBER, null);
        OwnerRef owner = TestRecords.newRecord();
        mvc.perform(upload(owner, "notes.csv", "text/csv", Samples.CSV).param("shared", "true").with(user(member)))
                .andExpect(status().isFound());
        StoredFile stored = only(owner);
        assertThat(stored.sharedOnPortal()).isTrue();
        mvc.perform(get("/test-records/" + owner.id()).with(user(member)))
                .andExpect(content().string(containsString("notes.csv")))
                .andExpect(content().string(containsString("/files/" + stored.id() + "/download")))
                .andExpect(content().string(containsString("Customer file")));
        mvc.perform(post("/files/" + stored.id() + "/delete").with(user(member)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(rowsOf(owner)).isZero();
    }

    @Test
    void theTooLargeLandingLeadsOnlyToRecordsTheStaffUserMaySee() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        OwnerRef visible = TestRecords.newRecord();
        mvc.perform(get("/files/too-large").param("ownerType", visible.type()).param("ownerId", visible.id().toString())
                        .with(user(admin)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/test-records/" + visible.id()))
                .andExpect(flash().attribute("filesError", "files.error.tooLarge"));
        OwnerRef hidden = TestRecords.hiddenRecord();
        mvc.perform(get("/files/too-large").param("ownerType", hidden.type()).param("ownerId", hidden.id().toString())
                .with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/files/too-large").with(user(admin))).andExpect(status().isPayloadTooLarge());
    }

    private MockMultipartHttpServletRequestBuilder upload(OwnerRef owner, String name, String browserType, byte[] bytes) {
        MockMultipartHttpServletRequestBuilder request = multipart("/files")
                .file(new MockMultipartFile("file", name, browserType, bytes));
        request.param("ownerType", owner.type()).param("ownerId", owner.id().toString())
                .param("fileTypeId", document().toString()).with(csrf());
        return request;
    }

    private StoredFile only(OwnerRef owner) {
        var page = files.list(Admins.testAdmin(jdbc), owner, org.springframework.data.domain.PageRequest.of(0, 10));
        assertThat(page.getContent()).hasSize(1);
        return page.getContent().getFirst();
    }

    private FileTypeId document() {
        return new FileTypeId(jdbc.sql("select id from file_type where name = 'Document'").query(UUID.class).single());
    }

    private long rowsOf(OwnerRef owner) {
        return jdbc.sql("select count(*) from stored_file where owner_type = :t and owner_id = :id")
                .param("t", owner.type()).param("id", owner.id()).query(Long.class).single();
    }
}
