package dev.foyer.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.TestAdmin;
import dev.foyer.test.WebUser;
import dev.foyer.identity.StaffAccounts;
import java.net.http.HttpResponse;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.foyer.test.MutableClock;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRT-8: a preview is read-only on the server. Every write endpoint under {@code /p/**} — found
 * in Spring's handler mappings at run time, so endpoints added later are covered — is sent while
 * previewing, with a valid CSRF token, and must be refused by the preview filter (403, before any
 * controller) with the database unchanged: every table's row count and a hash of all its rows
 * (Spring Session's own tables aside, which record the request itself). Also: each start is
 * recorded with who, as whom, when and why; a missing reason is refused and records nothing;
 * a type preview reads through the visibility component as a new user of that type and company;
 * the preview ends on "End preview" and after its timeout.
 */
@FoyerFullStackTest
class PortalPreviewWritesRefusedTest {

    static final String P = "/p/customer-portal";
    static final String REFUSED = "Not possible in a preview";
    static final Set<String> NOT_DATA = Set.of("spring_session", "spring_session_attributes");
    static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}/:]+)(?::[^}]*)?}");

    static final String MANAGER_PASSWORD = "manager-passphrase-1234";

    @LocalServerPort int port;
    @Autowired StaffAccounts staffAccounts;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
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

    StaffPrincipal admin;
    PortalSiteScene s;
    PortalId portal;

    @BeforeEach
    void scene() {
        admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
        portal = s.full.portalId();
    }

    @Test
    void everyWriteUnderThePortalIsRefusedWhilePreviewingAndChangesNothing() {
        WebUser staff = previewAsContact(s.full, "Customer reports a missing invoice " + s.tag);
        assertThat(portalPage(staff, P + "/")).contains("Preview as Paula Portal").contains("read-only");

        List<Write> writes = writes();
        assertThat(writes).as("write endpoints under /p/** found in the handler mappings").hasSizeGreaterThan(5);
        Map<String, String> before = checksum();
        List<String> notRefused = new ArrayList<>();
        for (Write write : writes) {
            HttpResponse<String> response = staff.send(write.method().name(), write.path(),
                    Map.of("reason", "x", "body", "written in a preview " + s.tag));
            if (response.statusCode() != 403 || !response.body().contains(REFUSED)) {
                notRefused.add(write + " -> " + response.statusCode());
            }
        }
        assertThat(notRefused).as("writes not refused while previewing").isEmpty();
        assertThat(checksum()).as("tables changed by refused writes").isEqualTo(before);
        // Still previewing, and the staff sign-in untouched.
        assertThat(portalPage(staff, P + "/")).contains("Preview as Paula Portal");
        assertThat(staff.get("/settings/portals/" + portal + "/preview").statusCode()).isEqualTo(200);
    }

    @Test
    void theAuditRecordsWhoAsWhomWhenAndWhyAndAMissingReasonIsRefusedWithNothingRecorded() {
        long previews = count();
        WebUser staff = signedInAdmin();
        staff.get("/settings/portals/" + portal + "/preview");
        HttpResponse<String> refused = staff.post("/settings/portals/" + portal + "/preview/contact",
                Map.of("portalUser", s.full.id().toString(), "reason", "   "));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Say why you preview the portal").contains("contactReason-error");
        assertThat(count()).isEqualTo(previews);
        assertThat(location(staff.get(P + "/"))).endsWith("/sign-in");

        previewAsContact(s.full, "Checking ticket " + s.tag);
        var row = jdbc.sql("""
                        select staff_user_id, staff_name, kind, portal_user_id, target_name, reason, started_at, expires_at, ended_at
                        from portal_preview where reason = :reason""").param("reason", "Checking ticket " + s.tag)
                .query().singleRow();
        assertThat(row.get("staff_user_id")).isEqualTo(admin.id().value());
        assertThat(row.get("staff_name")).isEqualTo(admin.displayName());
        assertThat(row.get("kind")).isEqualTo("CONTACT");
        assertThat(row.get("portal_user_id")).isEqualTo(s.full.id().value());
        assertThat((String) row.get("target_name")).contains("Paula Portal").contains(s.company.name());
        assertThat(row.get("started_at")).isNotNull();
        assertThat(row.get("ended_at")).isNull();
        String log = staff.get("/settings/portals/" + portal + "/preview").body();
        assertThat(log).contains("Checking ticket " + s.tag).contains("Paula Portal");
    }

    @Test
    void onlyAdminsWhoManagePortalsStartAPreview() {
        String email = "manager-" + s.tag + "@foyer.example";
        aStaffUser().named("Manny Manager").withEmail(email).withRole(StaffRole.MANAGER).withPassword(MANAGER_PASSWORD)
                .createdBy(staffAccounts, admin);
        WebUser manager = new WebUser(port);
        manager.signIn(email, MANAGER_PASSWORD);
        manager.get("/");
        long previews = count();
        HttpResponse<String> response = manager.post("/settings/portals/" + portal + "/preview/contact",
                Map.of("portalUser", s.full.id().toString(), "reason", "curious"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(count()).isEqualTo(previews);
    }

    @Test
    void aUserTypePreviewSeesWhatANewUserOfTheTypeInTheCompanySeesThroughTheVisibilityComponent() {
        UUID type = jdbc.sql("select user_type_id from portal_user where id = :id").param("id", s.full.id().value())
                .query(UUID.class).single();
        WebUser staff = signedInAdmin();
        staff.get("/settings/portals/" + portal + "/preview");
        HttpResponse<String> started = staff.post("/settings/portals/" + portal + "/preview/user-type",
                Map.of("userType", type.toString(), "company", s.company.id().value().toString(),
                        "reason", "Checking the type's rights " + s.tag));
        assertThat(location(started)).endsWith(P + "/");
        String home = portalPage(staff, P + "/");
        assertThat(home).contains("Preview as").contains(s.company.name())
                .contains(s.invoice.number()).doesNotContain(s.otherInvoice.number())
                .doesNotContain(PortalSiteScene.SECRET);
        // A member of nothing: no project, and its id answers 404 as for any non-member.
        assertThat(home).doesNotContain(s.project.name());
        assertThat(staff.get(P + "/projects/" + s.project.id().value()).statusCode()).isEqualTo(404);
    }

    @Test
    void endPreviewEndsItAndSoDoesTheTimeout() {
        WebUser staff = previewAsContact(s.full, "End test " + s.tag);
        portalPage(staff, P + "/");
        assertThat(location(staff.post(P + "/preview/end", Map.of())))
                .endsWith("/settings/portals/" + portal + "/preview?ended");
        assertThat(jdbc.sql("select ended_at is not null from portal_preview where reason = :r")
                .param("r", "End test " + s.tag).query(Boolean.class).single()).isTrue();
        assertThat(location(staff.get(P + "/"))).endsWith("/sign-in");
        assertThat(staff.get("/settings/portals/" + portal + "/preview?ended").body()).contains("The preview has ended.");

        WebUser timed = previewAsContact(s.full, "Timeout test " + s.tag);
        clock.advance(Duration.ofMinutes(31));
        assertThat(location(timed.get(P + "/"))).endsWith("/settings/portals/" + portal + "/preview?ended");
        assertThat(location(timed.get(P + "/"))).endsWith("/sign-in");
    }

    private WebUser signedInAdmin() {
        WebUser staff = new WebUser(port);
        staff.signIn(TestAdmin.EMAIL, TestAdmin.PASSWORD);
        return staff;
    }

    private WebUser previewAsContact(PortalUser user, String reason) {
        WebUser staff = signedInAdmin();
        staff.get("/settings/portals/" + portal + "/preview");
        HttpResponse<String> started = staff.post("/settings/portals/" + portal + "/preview/contact",
                Map.of("portalUser", user.id().toString(), "reason", reason));
        assertThat(location(started)).as(started.body()).endsWith(P + "/");
        return staff;
    }

    private String portalPage(WebUser who, String path) {
        HttpResponse<String> response = who.get(path);
        assertThat(response.statusCode()).as(path + " " + location(response)).isEqualTo(200);
        return response.body();
    }

    private long count() {
        return jdbc.sql("select count(*) from portal_preview").query(Long.class).single();
    }

    record Write(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every POST/PUT/PATCH/DELETE under /p/** (a mapping without methods counts as all four), ids filled from the scene; plus sign-out (a filter). */
    private List<Write> writes() {
        List<Write> writes = new ArrayList<>();
        Set<RequestMethod> writing = EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty() ? writing
                    : EnumSet.copyOf(info.getMethodsCondition().getMethods());
            methods.retainAll(writing);
            for (String pattern : new TreeSet<>(info.getPatternValues())) {
                if (!pattern.startsWith("/p/") || pattern.equals("/p/{slug}/preview/end")) {
                    continue;
                }
                for (RequestMethod method : methods) {
                    writes.add(new Write(HttpMethod.valueOf(method.name()), fill(pattern)));
                }
            }
        }
        writes.add(new Write(HttpMethod.POST, P + "/sign-out"));
        return writes;
    }

    /** Path variables from the scene: the segment before a variable says what it names. */
    private String fill(String pattern) {
        UUID comment = jdbc.sql("select id from ticket_comment where ticket_id = :t order by id limit 1")
                .param("t", s.ticket.id().value()).query(UUID.class).optional().orElse(UUID.randomUUID());
        Map<String, String> byPrevious = new LinkedHashMap<>();
        byPrevious.put("projects", s.project.id().value().toString());
        byPrevious.put("tickets", s.ticket.id().value().toString());
        byPrevious.put("task-lists", s.designList.id().value().toString());
        byPrevious.put("documents", s.invoice.id().value().toString());
        byPrevious.put("invoices", s.invoice.id().value().toString());
        byPrevious.put("quotes", s.quote.id().value().toString());
        byPrevious.put("files", s.sharedFile.id().value().toString());
        byPrevious.put("comments", comment.toString());
        String[] segments = pattern.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            Matcher variable = VARIABLE.matcher(segments[i]);
            String segment = segments[i];
            if (variable.matches()) {
                String name = variable.group(1);
                segment = name.equals("slug") ? "customer-portal"
                        : byPrevious.getOrDefault(segments[i - 1], name.toLowerCase().contains("token") ? "token-" + s.tag
                        : s.project.id().value().toString());
            }
            path.append('/').append(segment);
        }
        return path.toString();
    }

    /** Each table's row count and a hash of all its rows: any insert, update or delete shows. */
    private Map<String, String> checksum() {
        Map<String, String> sums = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list();
        for (String table : tables) {
            if (NOT_DATA.contains(table)) {
                continue;
            }
            sums.put(table, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from \""
                    + table + "\" t").query(String.class).single());
        }
        return sums;
    }
}
