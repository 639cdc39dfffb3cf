package dev.foyer.files;

import java.util.UUID;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 3: admins manage file types, each marked customer file or not; nobody else can. */
@FoyerWebTest
class FileTypesWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FileTypes fileTypes;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDefaultTypesAreSeededAndOnlyInternalNoteIsNotACustomerFile() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        mvc.perform(get("/settings/file-types").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Document")))
                .andExpect(content().string(containsString("Internal note")))
                .andExpect(content().string(containsString("aria-current=\"page\"")));
        assertThat(fileTypes.activeChoices()).extracting(FileType::name)
                .contains("Contract", "Document", "Image", "Internal note", "Proof");
        assertThat(fileTypes.activeChoices()).filteredOn(type -> !type.customerFile()).extracting(FileType::name)
                .containsExactly("Internal note");
    }

    @Test
    void anAdminCreatesEditsDeactivatesAndReactivatesAFileType() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        String name = "Drawing " + UUID.randomUUID();
        mvc.perform(post("/settings/file-types").with(user(admin)).with(csrf()).param("name", "  " + name + " ")
                        .param("customerFile", "true").param("version", "0"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/settings/file-types"));
        FileType created = byName(name);
        assertThat(created.customerFile()).isTrue();
        assertThat(created.active()).isTrue();

        // Unchecking the box sends only Thymeleaf's marker field.
        mvc.perform(post("/settings/file-types/" + created.id()).with(user(admin)).with(csrf()).param("name", name + " v2")
                        .param("_customerFile", "on").param("version", String.valueOf(created.version())))
                .andExpect(status().isFound());
        FileType edited = fileTypes.find(admin, created.id()).orElseThrow();
        assertThat(edited.name()).isEqualTo(name + " v2");
        assertThat(edited.customerFile()).isFalse();

        mvc.perform(post("/settings/file-types/" + created.id() + "/deactivate").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(edited.version())))
                .andExpect(status().isFound());
        FileType inactive = fileTypes.find(admin, created.id()).orElseThrow();
        assertThat(inactive.active()).isFalse();
        assertThat(fileTypes.activeChoices()).extracting(FileType::id).doesNotContain(created.id());

        mvc.perform(post("/settings/file-types/" + created.id() + "/reactivate").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(inactive.version())))
                .andExpect(status().isFound());
        assertThat(fileTypes.find(admin, created.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void aBlankOrTakenNameGetsAClearMessageAndCreatesNothing() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        long before = count();
        mvc.perform(post("/settings/file-types").with(user(admin)).with(csrf()).param("name", "   ").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "fileTypes.error.name"))
                .andExpect(content().string(containsString("Enter a name of 1 to 100 characters.")));
        mvc.perform(post("/settings/file-types").with(user(admin)).with(csrf()).param("name", "dOCUMENT").param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "fileTypes.error.nameTaken"))
                .andExpect(content().string(containsString("Another file type already has this name.")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aMemberOrManagerIsRefusedAndNothingChanges() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        FileType type = fileTypes.create(admin, "Sketch " + UUID.randomUUID(), true);
        long before = count();
        for (StaffRole role : new StaffRole[]{StaffRole.MEMBER, StaffRole.MANAGER}) {
            StaffUser staff = aStaffUser().withRole(role).createdBy(accounts, admin);
            var principal = new StaffPrincipal(staff.id(), staff.email(), staff.displayName(), role, null);
            mvc.perform(get("/settings/file-types").with(user(principal))).andExpect(status().isForbidden());
            mvc.perform(get("/settings/file-types/new").with(user(principal))).andExpect(status().isForbidden());
            mvc.perform(get("/settings/file-types/" + type.id()).with(user(principal))).andExpect(status().isForbidden());
            mvc.perform(post("/settings/file-types").with(user(principal)).with(csrf()).param("name", "Sneaky")
                    .param("customerFile", "true").param("version", "0")).andExpect(status().isForbidden());
            mvc.perform(post("/settings/file-types/" + type.id()).with(user(principal)).with(csrf()).param("name", "Renamed")
                    .param("version", String.valueOf(type.version()))).andExpect(status().isForbidden());
            mvc.perform(post("/settings/file-types/" + type.id() + "/deactivate").with(user(principal)).with(csrf())
                    .param("version", String.valueOf(type.version()))).andExpect(status().isForbidden());
            mvc.perform(get("/").with(user(principal)))
                    .andExpect(content().string(not(containsString("/settings/file-types"))));
        }
        FileType unchanged = fileTypes.find(admin, type.id()).orElseThrow();
        assertThat(unchanged.name()).isEqualTo(type.name());
        assertThat(unchanged.active()).isTrue();
        assertThat(unchanged.version()).isEqualTo(type.version());
        assertThat(count()).isEqualTo(before);
        var member = new StaffPrincipal(dev.foyer.identity.StaffUserId.newId(), "m@foyer.test", "M", StaffRole.MEMBER, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fileTypes.create(member, "Direct", true))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fileTypes.list(member, PageRequest.of(0, 10)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aStaleEditIsRefusedShowingTheStoredVersionAndCanBeReapplied() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        FileType type = fileTypes.create(admin, "Plan " + UUID.randomUUID(), true);
        // Another admin saves first.
        fileTypes.update(admin, type.id(), type.version(), "Theirs " + type.id(), false);

        mvc.perform(post("/settings/file-types/" + type.id()).with(user(admin)).with(csrf()).param("name", "Mine " + type.id())
                        .param("customerFile", "true").param("version", String.valueOf(type.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("Theirs " + type.id())))
                .andExpect(content().string(containsString("value=\"Mine " + type.id() + "\"")))
                .andExpect(content().string(containsString("Save my changes anyway")));
        FileType stored = fileTypes.find(admin, type.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Theirs " + type.id());

        mvc.perform(post("/settings/file-types/" + type.id()).with(user(admin)).with(csrf()).param("name", "Mine " + type.id())
                        .param("customerFile", "true").param("version", String.valueOf(stored.version())))
                .andExpect(status().isFound());
        FileType reapplied = fileTypes.find(admin, type.id()).orElseThrow();
        assertThat(reapplied.name()).isEqualTo("Mine " + type.id());
        assertThat(reapplied.customerFile()).isTrue();
    }

    @Test
    void anAdminSetsAnOptionalExternalReferenceAndABadOrTakenOneGetsAFieldMessageAndChangesNothing() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        String ref = "DMS-" + UUID.randomUUID();
        String name = "Permit " + ref;
        mvc.perform(get("/settings/file-types/new").with(user(admin)))
                .andExpect(content().string(containsString("<label for=\"externalRef\">External reference</label>")));
        mvc.perform(post("/settings/file-types").with(user(admin)).with(csrf()).param("name", name)
                        .param("customerFile", "true").param("externalRef", " " + ref + " ").param("version", "0"))
                .andExpect(redirectedUrl("/settings/file-types"));
        FileType created = byName(name);
        assertThat(created.externalRef()).isEqualTo(ref);
        mvc.perform(get("/settings/file-types/" + created.id()).with(user(admin)))
                .andExpect(content().string(containsString("value=\"" + ref + "\"")));

        long before = count();
        mvc.perform(post("/settings/file-types").with(user(admin)).with(csrf()).param("name", "Other " + ref)
                        .param("externalRef", ref).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "externalRef", "record.error.externalRefTaken"))
                .andExpect(content().string(containsString("Another record of this kind already has this external reference.")));
        mvc.perform(post("/settings/file-types/" + created.id()).with(user(admin)).with(csrf()).param("name", name)
                        .param("customerFile", "true").param("externalRef", "x".repeat(201))
                        .param("version", String.valueOf(created.version())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "externalRef", "record.error.externalRef"))
                .andExpect(content().string(containsString("aria-describedby=\"externalRef-error\"")));
        assertThat(count()).isEqualTo(before);
        assertThat(fileTypes.find(admin, created.id()).orElseThrow().version()).isEqualTo(created.version());

        // Emptying the field removes the reference.
        mvc.perform(post("/settings/file-types/" + created.id()).with(user(admin)).with(csrf()).param("name", name)
                        .param("customerFile", "true").param("externalRef", "")
                        .param("version", String.valueOf(created.version())))
                .andExpect(redirectedUrl("/settings/file-types"));
        assertThat(fileTypes.find(admin, created.id()).orElseThrow().externalRef()).isNull();
    }

    @Test
    void aHostileTypeNameRendersAsInertText() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        String hostile = "<script>alert(1)</script> " + UUID.randomUUID().toString().substring(0, 8);
        FileType type = fileTypes.create(admin, hostile, true);
        mvc.perform(get("/settings/file-types").with(user(admin)).param("page", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/settings/file-types/" + type.id()).with(user(admin)))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void unknownOrMalformedIdsAnswer404() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        mvc.perform(get("/settings/file-types/" + FileTypeId.newId()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/settings/file-types/not-a-uuid").with(user(admin))).andExpect(status().isNotFound());
    }

    private FileType byName(String name) {
        UUID id = jdbc.sql("select id from file_type where name = :n").param("n", name).query(UUID.class).single();
        return fileTypes.find(Admins.testAdmin(jdbc), new FileTypeId(id)).orElseThrow();
    }

    private long count() {
        return jdbc.sql("select count(*) from file_type").query(Long.class).single();
    }
}
