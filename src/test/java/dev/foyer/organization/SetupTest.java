package dev.foyer.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 2: the setup page creates the organization and first admin once, and never again. */
@FoyerWebTest
@TestPropertySource(properties = "foyer.setup.admin-email=")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Setup setup;
    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void anEmptyFoyerSendsEveryPageToSetup() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/sign-in")).andExpect(status().isFound()).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/setup")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Setup token")));
    }

    @Test
    @Order(2)
    void aWrongTokenIsRefusedAndChangesNothing() throws Exception {
        mvc.perform(validSetup("not-the-token", "first@acme.example"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "token", "setup.error.token"));
        assertThat(countAdmins()).isZero();
        assertThat(setup.isOpen()).isTrue();
    }

    @Test
    @Order(3)
    void invalidInputGetsMessagesAndChangesNothing() throws Exception {
        mvc.perform(post("/setup").with(csrf()).param("token", setup.token()).param("name", "")
                        .param("internalDomains", "not a domain").param("defaultLanguage", "xx")
                        .param("timeZone", "Mars/Olympus").param("timeFormat", "H24").param("country", "ZZ"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "organization.error.name"))
                .andExpect(model().attributeHasFieldErrorCode("form", "internalDomains", "organization.error.domains"))
                .andExpect(model().attributeHasFieldErrorCode("form", "timeZone", "organization.error.timeZone"))
                .andExpect(model().attributeHasFieldErrorCode("form", "country", "organization.error.country"));
        mvc.perform(validSetup(setup.token(), "first@acme.example", "short"))
                .andExpect(model().attributeHasFieldErrorCode("form", "adminPassword", "password.tooShort"));
        assertThat(countAdmins()).isZero();
        assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isZero();
    }

    @Test
    @Order(4)
    void theTokenCreatesTheFirstAdminOnceEvenWhenRacing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = "racer" + i + "@acme.example";
            attempts.add(() -> mvc.perform(validSetup(setup.token(), email)).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(attempts)) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(302);
        assertThat(countAdmins()).isEqualTo(1);
        assertThat(setup.isOpen()).isFalse();
    }

    @Test
    @Order(5)
    void setupIsClosedForGoodWithOrWithoutTheToken() throws Exception {
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(validSetup(setup.token(), "second@acme.example")).andExpect(status().isNotFound());
        mvc.perform(validSetup("", "third@acme.example")).andExpect(status().isNotFound());
        mvc.perform(validSetup(null, "fourth@acme.example")).andExpect(status().isNotFound());
        assertThat(countAdmins()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single()).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder validSetup(String token, String adminEmail) {
        return validSetup(token, adminEmail, "a long enough passphrase");
    }

    private MockHttpServletRequestBuilder validSetup(String token, String adminEmail, String password) {
        var request = post("/setup").with(csrf())
                .param("name", "Acme Print").param("internalDomains", "acme.example")
                .param("defaultLanguage", "en").param("timeZone", "Europe/Berlin").param("timeFormat", "H24")
                .param("country", "DE").param("adminName", "Ada Lovelace").param("adminEmail", adminEmail)
                .param("adminPassword", password);
        return token == null ? request : request.param("token", token);
    }

    private long countAdmins() {
        return jdbc.sql("select count(*) from staff_user where role = 'ADMIN'").query(Long.class).single();
    }
}
