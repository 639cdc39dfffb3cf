package dev.foyer.site;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.Samples;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.UserTypes;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.test.WebUser;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 003 on /p/**: a portal upload over the size limit, over real HTTP (the servlet container
 * refuses it before anything reads it, CSRF token included), leads back to the record's page with a
 * clear message next to the upload field, and leaves no stored_file row and no file on disk.
 */
@FoyerFullStackTest
@TestPropertySource(properties = "foyer.files.max-size=2KB")
class PortalUploadSizeLimitTest {

    private static final String PASSWORD = "a long portal passphrase 42";
    private static final String P = "/p/customer-portal";

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
    @Autowired PasswordEncoder encoder;
    @Value("${foyer.files.dir}") Path folder;

    @Test
    void aPortalUploadOverTheLimitLeadsBackToThePageWithAClearMessageAndStoresNothing() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects,
                items, tickets, ticketComments, finance, fileTypes, files, userTypes);
        WebUser paula = signedIn(s);
        String project = P + "/projects/" + s.project.id().value();
        assertThat(paula.get(project).statusCode()).isEqualTo(200);
        long rows = rowsOf(s);
        Set<String> before = Samples.filesIn(folder);

        HttpResponse<String> refused = paula.postMultipart(project + "/files", Map.of(), "file", "big.pdf",
                Samples.ofSize(5 * 1024));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location(refused)).endsWith(project + "/files/too-large");
        HttpResponse<String> back = paula.get(project + "/files/too-large");
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).endsWith(project + "#files");
        HttpResponse<String> page = paula.get(project);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This file is too large. Files can be up to 2 KB. Nothing was uploaded.")
                .contains("aria-invalid=\"true\"");
        assertThat(rowsOf(s)).isEqualTo(rows);
        assertThat(Samples.filesIn(folder)).isEqualTo(before);

        // Within the limit, the same form stores the file.
        HttpResponse<String> accepted = paula.postMultipart(project + "/files", Map.of(), "file", "small.txt",
                "a small note".getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(location(accepted)).endsWith(project + "#files");
        assertThat(rowsOf(s)).isEqualTo(rows + 1);
    }

    @Test
    void aTooLargeUploadToAProjectTheUserCannotSeeEndsOnTheSame404AsAnUnknownOne() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        PortalSiteScene s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects,
                items, tickets, ticketComments, finance, fileTypes, files, userTypes);
        WebUser paula = signedIn(s);
        paula.get(P + "/");
        String other = P + "/projects/" + s.otherProject.id().value();
        HttpResponse<String> refused = paula.postMultipart(other + "/files", Map.of(), "file", "big.pdf",
                Samples.ofSize(5 * 1024));
        assertThat(location(refused)).endsWith(other + "/files/too-large");
        HttpResponse<String> back = paula.get(other + "/files/too-large");
        assertThat(paula.get(location(back).replaceFirst("^https?://[^/]+", "").replace("#files", "")).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from stored_file where owner_id = :id")
                .param("id", s.otherProject.id().value()).query(Long.class).single()).isOne();
    }

    private WebUser signedIn(PortalSiteScene s) {
        jdbc.sql("""
                        insert into portal_account (portal_user_id, portal_id, email, password_hash, language, time_zone,
                                                    time_format, country, version, created_at, updated_at)
                        select id, portal_id, :email, :hash, 'en', 'UTC', 'H24', 'GB', 0, :now, :now
                        from portal_user where id = :user""")
                .param("user", s.full.id().value()).param("email", s.fullEmail())
                .param("hash", encoder.encode(PASSWORD)).param("now", OffsetDateTime.now()).update();
        WebUser paula = new WebUser(port);
        paula.get(P + "/sign-in");
        HttpResponse<String> signIn = paula.post(P + "/sign-in", Map.of("email", s.fullEmail(), "password", PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(location(signIn)).doesNotContain("error").doesNotContain("sign-in");
        return paula;
    }

    private long rowsOf(PortalSiteScene s) {
        return jdbc.sql("select count(*) from stored_file where owner_id = :id")
                .param("id", s.project.id().value()).query(Long.class).single();
    }
}
