package dev.foyer.identity;

import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 2: admins manage staff accounts; everyone changes their own password. */
@FoyerWebTest
class StaffAccountsWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void anAdminCreatesAStaffUserWhoIsListedAndSearchable() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        String email = "grace-" + System.nanoTime() + "@foyer.test";
        mvc.perform(post("/staff").with(user(admin)).with(csrf()).param("displayName", "Grace Hopper")
                        .param("email", email).param("role", "MANAGER").param("password", "compilers are fun 1952")
                        .param("version", "0"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staff"));
        StaffUser created = jdbcUser(email);
        assertThat(created.role()).isEqualTo(StaffRole.MANAGER);
        assertThat(created.active()).isTrue();
        assertThat(passwordEncoder.matches("compilers are fun 1952", jdbcHash(email))).isTrue();
        assertThat(jdbcHash(email)).startsWith("$2");

        mvc.perform(get("/staff").with(user(admin)).param("q", "grace hop"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email)));
        mvc.perform(get("/staff").with(user(admin)).param("q", "grace").param("role", "MEMBER"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(email))));
    }

    @Test
    void badInputGetsClearMessagesAndCreatesNothing() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        long before = count();
        mvc.perform(post("/staff").with(user(admin)).with(csrf()).param("displayName", " ")
                        .param("email", "not-an-address").param("role", "MEMBER").param("password", "short")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "email.invalid"))
                .andExpect(content().string(containsString("Enter an e-mail address like name@example.com.")));
        mvc.perform(post("/staff").with(user(admin)).with(csrf()).param("displayName", "Copy Cat")
                        .param("email", dev.foyer.test.TestAdmin.EMAIL.toUpperCase()).param("role", "MEMBER")
                        .param("password", "a long passphrase here").param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "staff.error.emailTaken"));
        mvc.perform(post("/staff").with(user(admin)).with(csrf()).param("displayName", "Common Carl")
                        .param("email", "carl-" + System.nanoTime() + "@foyer.test").param("role", "MEMBER")
                        .param("password", "password1234").param("version", "0"))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.common"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aStaleEditIsRefusedShowingBothVersionsAndCanBeReapplied() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        StaffUser user = aStaffUser().named("Linus Original").createdBy(accounts, admin);
        long openedVersion = user.version();
        // Someone else saves first.
        accounts.update(admin, user.id(), openedVersion, user.email(), "Linus Theirs", StaffRole.MEMBER);

        mvc.perform(post("/staff/" + user.id()).with(user(admin)).with(csrf()).param("displayName", "Linus Mine")
                        .param("email", user.email()).param("role", "MANAGER").param("version", String.valueOf(openedVersion)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("Linus Theirs")))
                .andExpect(content().string(containsString("value=\"Linus Mine\"")))
                .andExpect(content().string(containsString("Save my changes anyway")));
        StaffUser stored = accounts.find(admin, user.id()).orElseThrow();
        assertThat(stored.displayName()).isEqualTo("Linus Theirs");

        mvc.perform(post("/staff/" + user.id()).with(user(admin)).with(csrf()).param("displayName", "Linus Mine")
                        .param("email", user.email()).param("role", "MANAGER").param("version", String.valueOf(stored.version())))
                .andExpect(status().isFound());
        StaffUser reapplied = accounts.find(admin, user.id()).orElseThrow();
        assertThat(reapplied.displayName()).isEqualTo("Linus Mine");
        assertThat(reapplied.role()).isEqualTo(StaffRole.MANAGER);
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        jdbc.sql("update staff_user set active = false where role = 'ADMIN' and email <> :e")
                .param("e", dev.foyer.test.TestAdmin.EMAIL).update();
        StaffUser self = accounts.find(admin, admin.id()).orElseThrow();
        mvc.perform(post("/staff/" + self.id()).with(user(admin)).with(csrf()).param("displayName", self.displayName())
                        .param("email", self.email()).param("role", "MEMBER").param("version", String.valueOf(self.version())))
                .andExpect(model().attributeHasFieldErrorCode("form", "role", "staff.error.lastAdmin"));
        mvc.perform(post("/staff/" + self.id() + "/deactivate").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(self.version())))
                .andExpect(content().string(containsString("You cannot deactivate yourself.")));
        assertThat(accounts.find(admin, admin.id()).orElseThrow().role()).isEqualTo(StaffRole.ADMIN);
    }

    @Test
    void anAdminDeactivatesAndReactivatesAStaffUser() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        StaffUser user = aStaffUser().createdBy(accounts, admin);
        mvc.perform(post("/staff/" + user.id() + "/deactivate").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(user.version())))
                .andExpect(status().isFound());
        StaffUser inactive = accounts.find(admin, user.id()).orElseThrow();
        assertThat(inactive.active()).isFalse();
        mvc.perform(post("/staff/" + user.id() + "/reactivate").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(inactive.version())))
                .andExpect(status().isFound());
        assertThat(accounts.find(admin, user.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void unknownOrMalformedIdsAnswer404() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        mvc.perform(get("/staff/" + StaffUserId.newId()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/staff/not-a-uuid").with(user(admin))).andExpect(status().isNotFound());
    }

    @Test
    void everyoneChangesTheirOwnPasswordWithTheCurrentOne() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        var builder = aStaffUser().withRole(StaffRole.MEMBER);
        StaffUser member = builder.createdBy(accounts, admin);
        var principal = new StaffPrincipal(member.id(), member.email(), member.displayName(), StaffRole.MEMBER, null);

        mvc.perform(post("/account/password").with(user(principal)).with(csrf()).param("currentPassword", "wrong one")
                        .param("newPassword", "my brand new passphrase").param("repeatPassword", "my brand new passphrase"))
                .andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "password.currentWrong"));
        mvc.perform(post("/account/password").with(user(principal)).with(csrf()).param("currentPassword", builder.password())
                        .param("newPassword", "my brand new passphrase").param("repeatPassword", "something else entirely"))
                .andExpect(model().attributeHasFieldErrorCode("form", "repeatPassword", "password.mismatch"));
        assertThat(passwordEncoder.matches(builder.password(), jdbcHash(member.email()))).isTrue();

        mvc.perform(post("/account/password").with(user(principal)).with(csrf()).param("currentPassword", builder.password())
                        .param("newPassword", "my brand new passphrase").param("repeatPassword", "my brand new passphrase"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/account/password"));
        assertThat(passwordEncoder.matches("my brand new passphrase", jdbcHash(member.email()))).isTrue();
    }

    private long count() {
        return jdbc.sql("select count(*) from staff_user").query(Long.class).single();
    }

    private String jdbcHash(String email) {
        return jdbc.sql("select password_hash from staff_user where email = :e").param("e", email).query(String.class).single();
    }

    private StaffUser jdbcUser(String email) {
        StaffUserId id = new StaffUserId(jdbc.sql("select id from staff_user where email = :e").param("e", email)
                .query(java.util.UUID.class).single());
        return accounts.find(Admins.testAdmin(jdbc), id).orElseThrow();
    }
}
