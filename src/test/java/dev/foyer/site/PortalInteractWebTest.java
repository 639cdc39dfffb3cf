package dev.foyer.site;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.ModuleRight;
import dev.foyer.portal.PortalAction;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalModule;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.UserTypes;
import dev.foyer.portal.ViewScope;
import dev.foyer.projects.ProjectItems;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.test.PortalSiteScene;
import dev.foyer.tickets.TicketComments;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.foyer.test.PortalSiteScene.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 7 items 2 and 3 (EXP-2, EXP-3, ACC-11, ACC-12, PRT-3, PRT-4, LIF-6): portal users comment on
 * visible projects and tickets, edit and delete their own comments, upload and delete their own
 * files and open tickets — and every write they may not make answers 404 and changes nothing.
 */
@FoyerWebTest
class PortalInteractWebTest {

    static final String P = "/p/customer-portal";

    @Autowired MockMvc mvc;
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

    StaffPrincipal admin;
    PortalSiteScene s;
    String project;
    String ticket;

    @BeforeEach
    void scene() {
        admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
        project = P + "/projects/" + s.project.id().value();
        ticket = P + "/tickets/" + s.ticket.id().value();
    }

    // ---------------------------------------------------------------- comments

    @Test
    void aCommentOnAProjectIsSharedAtOnceWithTheOtherMembersAndStaffUnderThePortalUsersName() throws Exception {
        assertThat(page(s.full, project)).contains("Add a comment");
        redirects(post(project + "/comments").param("body", "Can we move the launch?"), s.full, project + "#comments");

        Map<String, Object> row = jdbc.sql("select shared, portal_author_id, created_by, author_id from project_comment"
                        + " where project_id = :p and body = 'Can we move the launch?'")
                .param("p", s.project.id().value()).query().singleRow();
        assertThat(row.get("shared")).isEqualTo(true);
        assertThat(row.get("portal_author_id")).isEqualTo(s.full.id().value());
        assertThat(row.get("created_by")).as("LIF-6: owned by the staff user who invited the portal user")
                .isEqualTo(admin.id().value());
        // ACC-11: the other portal member of the project sees it, with the author's name.
        assertThat(page(s.limited, project)).contains("Can we move the launch?").contains("Paula Portal");
        assertThat(activities(s.full)).contains("COMMENTED PROJECT_COMMENT PROJECT " + s.project.id().value());
    }

    @Test
    void theTicketPageShowsTheConversationInOrderWithThePortalUsersComment() throws Exception {
        redirects(post(ticket + "/comments").param("body", "Still broken on Android."), s.full, ticket + "#comments");
        String page = page(s.full, ticket);
        assertThat(page).contains("We are on it.").contains("Still broken on Android.").doesNotContain(SECRET);
        assertThat(page.indexOf("We are on it.")).isLessThan(page.indexOf("Still broken on Android."));
        assertThat(jdbc.sql("select count(*) from ticket_comment where ticket_id = :t and portal_author_id = :u and shared")
                .param("t", s.ticket.id().value()).param("u", s.full.id().value()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(activities(s.full)).contains("COMMENTED TICKET_COMMENT TICKET " + s.ticket.id().value());
    }

    @Test
    void aCommentIsPlainTextMarkupIsShownEscapedNeverRendered() throws Exception {
        redirects(post(project + "/comments").param("body", "<script>alert(1)</script> <b>bold</b> & co"), s.full,
                project + "#comments");
        String page = page(s.full, project);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp; co")
                .doesNotContain("<script>alert(1)").doesNotContain("<b>bold</b>");
        // Staff pages print comments as HTML: stored escaped, it reads there as typed.
        assertThat(jdbc.sql("select body from project_comment where project_id = :p and portal_author_id = :u")
                .param("p", s.project.id().value()).param("u", s.full.id().value()).query(String.class).single())
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp; co");
    }

    @Test
    void anEmptyOrTooLongCommentGetsAMessageNextToTheFieldAndNothingIsSaved() throws Exception {
        long before = projectComments();
        redirects(post(project + "/comments").param("body", "   "), s.full, project + "#comments");
        MvcResult tooLong = mvc.perform(post(project + "/comments").param("body", "x".repeat(10_001))
                .with(as(s.full)).with(csrf())).andReturn();
        assertThat(tooLong.getFlashMap().get("interactProblems")).isEqualTo(Map.of("body", "site.interact.error.tooLong"));
        assertThat(projectComments()).isEqualTo(before);

        // After the redirect the page shows the message at the comment field, with the text kept.
        // (The flash lives in the session, so the next request carries the session cookie.)
        assertThat(tooLong.getResponse().getCookies()).isNotEmpty();
        String page = mvc.perform(get(project).with(as(s.full)).cookie(tooLong.getResponse().getCookies()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This is too long: at most 10,000 characters. Nothing was saved.")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void theAuthorEditsAndDeletesTheirOwnCommentAndAStaleEditIsRefused() throws Exception {
        redirects(post(ticket + "/comments").param("body", "First version"), s.full, ticket + "#comments");
        UUID id = jdbc.sql("select id from ticket_comment where ticket_id = :t and portal_author_id = :u")
                .param("t", s.ticket.id().value()).param("u", s.full.id().value()).query(UUID.class).single();
        assertThat(page(s.full, ticket)).contains("Edit or delete").contains("/comments/" + id + "/edit");

        redirects(post(ticket + "/comments/" + id + "/edit").param("body", "Second version").param("version", "0"),
                s.full, ticket + "#comment-" + id);
        assertThat(page(s.full, ticket)).contains("Second version").contains("(edited)").doesNotContain("First version");

        // A second window still holding version 0: refused with a clear message, nothing changed.
        MvcResult stale = mvc.perform(post(ticket + "/comments/" + id + "/edit").param("body", "Third version")
                .param("version", "0").with(as(s.full)).with(csrf())).andReturn();
        assertThat(stale.getFlashMap().get("interactProblems")).isEqualTo(Map.of("body", "site.interact.error.stale"));
        assertThat(commentBody(id)).isEqualTo("Second version");

        redirects(post(ticket + "/comments/" + id + "/delete").param("version", "1"), s.full, ticket + "#comments");
        assertThat(jdbc.sql("select count(*) from ticket_comment where id = :id").param("id", id).query(Long.class)
                .single()).isZero();
        assertThat(activities(s.full)).contains("EDITED TICKET_COMMENT TICKET " + s.ticket.id().value())
                .contains("DELETED TICKET_COMMENT TICKET " + s.ticket.id().value());
    }

    @Test
    void nobodyEditsOrDeletesAStaffCommentOrAnotherPortalUsersComment() throws Exception {
        UUID staffComment = jdbc.sql("select id from ticket_comment where ticket_id = :t and body = 'We are on it.'")
                .param("t", s.ticket.id().value()).query(UUID.class).single();
        notFound(post(ticket + "/comments/" + staffComment + "/edit").param("body", "Hacked").param("version", "0"), s.full);
        notFound(post(ticket + "/comments/" + staffComment + "/delete").param("version", "0"), s.full);
        assertThat(commentBody(staffComment)).isEqualTo("We are on it.");

        redirects(post(project + "/comments").param("body", "Limited writes"), s.limited, project + "#comments");
        UUID theirs = jdbc.sql("select id from project_comment where project_id = :p and portal_author_id = :u")
                .param("p", s.project.id().value()).param("u", s.limited.id().value()).query(UUID.class).single();
        notFound(post(project + "/comments/" + theirs + "/edit").param("body", "Hacked").param("version", "0"), s.full);
        notFound(post(project + "/comments/" + theirs + "/delete").param("version", "0"), s.full);
        // Another record's id in the path: the comment is not on that ticket.
        notFound(post(ticket + "/comments/" + theirs + "/delete").param("version", "0"), s.limited);
        assertThat(jdbc.sql("select body from project_comment where id = :id").param("id", theirs).query(String.class)
                .single()).isEqualTo("Limited writes");
    }

    @Test
    void commentsOnWhatTheUserMayNotSeeOrWithoutTheRightAnswer404AndChangeNothing() throws Exception {
        long projectComments = projectComments();
        long ticketCommentsBefore = ticketCommentCount();
        notFound(post(P + "/projects/" + s.otherProject.id().value() + "/comments").param("body", "x"), s.full);
        notFound(post(P + "/projects/" + s.notMember.id().value() + "/comments").param("body", "x"), s.full);
        notFound(post(P + "/tickets/" + s.otherTicket.id().value() + "/comments").param("body", "x"), s.full);
        notFound(post(P + "/projects/" + UUID.randomUUID() + "/comments").param("body", "x"), s.full);
        // Limited access grants no tickets (PRT-2).
        notFound(post(ticket + "/comments").param("body", "x"), s.limited);
        // Without COMMENTS create (PRT-3): no form, and a post is refused.
        rights(s.full, PortalModule.COMMENTS, EnumSet.noneOf(PortalAction.class));
        assertThat(page(s.full, project)).doesNotContain("Add a comment");
        notFound(post(project + "/comments").param("body", "x"), s.full);
        assertThat(projectComments()).isEqualTo(projectComments);
        assertThat(ticketCommentCount()).isEqualTo(ticketCommentsBefore);
        assertThat(activities(s.full)).isEmpty();
    }

    // ---------------------------------------------------------------- files

    @Test
    void anUploadIsStoredSharedOfACustomerTypeAndItsUploaderMayDeleteIt() throws Exception {
        assertThat(page(s.full, project)).contains("Add a file");
        redirects(multipart(project + "/files").file(file("brief.txt", "Our brief")), s.full, project + "#files");
        Map<String, Object> row = jdbc.sql("""
                        select f.id, f.shared_on_portal, f.portal_author_id, f.created_by, t.customer_file
                        from stored_file f join file_type t on t.id = f.file_type_id
                        where f.owner_type = 'project' and f.owner_id = :p and f.name = 'brief.txt'""")
                .param("p", s.project.id().value()).query().singleRow();
        assertThat(row.get("shared_on_portal")).isEqualTo(true);
        assertThat(row.get("customer_file")).as("ACC-7").isEqualTo(true);
        assertThat(row.get("portal_author_id")).isEqualTo(s.full.id().value());
        assertThat(row.get("created_by")).isEqualTo(admin.id().value());
        UUID id = (UUID) row.get("id");
        assertThat(page(s.limited, project)).contains("brief.txt");
        String page = page(s.full, project);
        assertThat(page).contains("/files/" + id + "/delete");
        assertThat(page).doesNotContain("/files/" + s.sharedFile.id().value() + "/delete");

        redirects(post(project + "/files/" + id + "/delete"), s.full, project + "#files");
        assertThat(jdbc.sql("select count(*) from stored_file where id = :id").param("id", id).query(Long.class).single())
                .isZero();
        assertThat(activities(s.full)).contains("UPLOADED FILE PROJECT " + s.project.id().value())
                .contains("DELETED FILE PROJECT " + s.project.id().value());
    }

    @Test
    void aTicketTakesUploadsTooAndAnEmptyFileGetsAMessage() throws Exception {
        redirects(multipart(ticket + "/files").file(file("log.txt", "stack trace")), s.full, ticket + "#files");
        assertThat(page(s.full, ticket)).contains("log.txt");
        long before = filesOf(s.ticket.id().value());
        MvcResult empty = mvc.perform(multipart(ticket + "/files").file(file("empty.txt", "")).with(as(s.full))
                .with(csrf())).andReturn();
        assertThat(empty.getFlashMap().get("interactProblems")).isEqualTo(Map.of("file", "files.error.empty"));
        assertThat(filesOf(s.ticket.id().value())).isEqualTo(before);
    }

    @Test
    void uploadsAndDeletionsTheUserMayNotMakeAnswer404AndChangeNothing() throws Exception {
        long other = filesOf(s.otherProject.id().value());
        notFound(multipart(P + "/projects/" + s.otherProject.id().value() + "/files").file(file("x.txt", "x")), s.full);
        notFound(multipart(P + "/projects/" + s.notMember.id().value() + "/files").file(file("x.txt", "x")), s.full);
        assertThat(filesOf(s.otherProject.id().value())).isEqualTo(other);
        // Staff's file, an unshared file and another company's file are not the user's own.
        notFound(post(project + "/files/" + s.sharedFile.id().value() + "/delete"), s.full);
        notFound(post(project + "/files/" + s.unsharedFile.id().value() + "/delete"), s.full);
        notFound(post(P + "/projects/" + s.otherProject.id().value() + "/files/" + s.otherCompanyFile.id().value()
                + "/delete"), s.full);
        assertThat(jdbc.sql("select count(*) from stored_file where id in (:a, :b, :c)")
                .param("a", s.sharedFile.id().value()).param("b", s.unsharedFile.id().value())
                .param("c", s.otherCompanyFile.id().value()).query(Long.class).single()).isEqualTo(3);
        // Without FILES create: no form, and an upload is refused.
        long mine = filesOf(s.project.id().value());
        rights(s.full, PortalModule.FILES, EnumSet.noneOf(PortalAction.class));
        assertThat(page(s.full, project)).doesNotContain("Add a file");
        notFound(multipart(project + "/files").file(file("x.txt", "x")), s.full);
        assertThat(filesOf(s.project.id().value())).isEqualTo(mine);
    }

    // ---------------------------------------------------------------- tickets

    @Test
    void aPortalUserOpensATicketTheyThenFollowOwnedByWhoInvitedThem() throws Exception {
        rights(s.full, PortalModule.TICKETS, EnumSet.of(PortalAction.CREATE));
        assertThat(page(s.full, P + "/tickets")).contains("Open a ticket");
        String form = page(s.full, P + "/tickets/new");
        assertThat(form).contains("name=\"subject\"").doesNotContain("name=\"priority\"")
                .doesNotContain("name=\"description\"");

        MvcResult result = mvc.perform(post(P + "/tickets").param("company", s.company.id().value().toString())
                .param("subject", "Invoice address wrong " + s.tag).param("description", "Hidden field, ignored")
                .param("priority", "URGENT").with(as(s.full)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("""
                        select id, company_id, status, priority, description, contact_id, portal_author_id, created_by
                        from ticket where subject = :s""").param("s", "Invoice address wrong " + s.tag).query().singleRow();
        UUID id = (UUID) row.get("id");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(P + "/tickets/" + id);
        assertThat(row.get("company_id")).isEqualTo(s.company.id().value());
        assertThat(row.get("status")).isEqualTo("OPEN");
        assertThat(row.get("priority")).as("PRT-4: a read-only priority is not taken from the post").isEqualTo("NORMAL");
        assertThat(row.get("description")).as("PRT-4: a read-only description is not taken from the post").isEqualTo("");
        assertThat(row.get("contact_id")).isEqualTo(s.full.contactId().value());
        assertThat(row.get("portal_author_id")).isEqualTo(s.full.id().value());
        assertThat(row.get("created_by")).isEqualTo(admin.id().value());
        // ACC-3: a member, so the ticket is in their list and its page opens.
        assertThat(page(s.full, P + "/tickets")).contains("Invoice address wrong " + s.tag);
        assertThat(page(s.full, P + "/tickets/" + id)).contains("Invoice address wrong " + s.tag);
        assertThat(activities(s.full)).contains("OPENED TICKET TICKET " + id);
    }

    @Test
    void editableDescriptionAndPriorityAreOnTheFormAndTaken() throws Exception {
        rights(s.full, PortalModule.TICKETS, EnumSet.of(PortalAction.CREATE));
        fields(s.full, Map.of(PortalField.TICKET_DESCRIPTION, FieldAccess.EDITABLE,
                PortalField.TICKET_PRIORITY, FieldAccess.EDITABLE));
        assertThat(page(s.full, P + "/tickets/new")).contains("name=\"priority\"").contains("name=\"description\"");
        redirectsTo(post(P + "/tickets").param("company", s.company.id().value().toString())
                .param("subject", "Urgent " + s.tag).param("description", "Line one\n<i>two</i>")
                .param("priority", "URGENT"), s.full);
        Map<String, Object> row = jdbc.sql("select priority, description from ticket where subject = :s")
                .param("s", "Urgent " + s.tag).query().singleRow();
        assertThat(row.get("priority")).isEqualTo("URGENT");
        assertThat(row.get("description")).isEqualTo("Line one<br>&lt;i&gt;two&lt;/i&gt;");
        // The portal prints it as the plain text that was typed, escaped.
        UUID id = jdbc.sql("select id from ticket where subject = :s").param("s", "Urgent " + s.tag).query(UUID.class).single();
        assertThat(page(s.full, P + "/tickets/" + id)).contains("Line one\n&lt;i&gt;two&lt;/i&gt;").doesNotContain("&lt;br&gt;");
    }

    @Test
    void aForgedCompanyAnEmptySubjectOrNoRightOpensNothing() throws Exception {
        long before = ticketsOf(s.otherCompany.id().value());
        notFound(get(P + "/tickets/new"), s.full);
        notFound(post(P + "/tickets").param("company", s.company.id().value().toString()).param("subject", "No right"),
                s.full);
        rights(s.full, PortalModule.TICKETS, EnumSet.of(PortalAction.CREATE));
        String forged = mvc.perform(post(P + "/tickets").param("company", s.otherCompany.id().value().toString())
                        .param("subject", "Forged " + s.tag).with(as(s.full)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(forged).contains("Choose one of your companies.").doesNotContain(s.otherCompany.name());
        String empty = mvc.perform(post(P + "/tickets").param("company", s.company.id().value().toString())
                .param("subject", " ").with(as(s.full)).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("Enter a subject.");
        assertThat(ticketsOf(s.otherCompany.id().value())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from ticket where subject in ('No right', :f)").param("f", "Forged " + s.tag)
                .query(Long.class).single()).isZero();
        assertThat(activities(s.full)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private void rights(PortalUser user, PortalModule module, Set<PortalAction> actions) {
        UserType type = userTypes.find(admin, user.userTypeId()).orElseThrow();
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(type.rights().modules());
        modules.put(module, ModuleRight.of(module, ViewScope.ACCOUNT, actions));
        userTypes.save(admin, type.id(), type.version(), type.name(),
                new Rights(modules, type.rights().fields(), type.rights().eventDescriptions()));
    }

    private void fields(PortalUser user, Map<PortalField, FieldAccess> changed) {
        UserType type = userTypes.find(admin, user.userTypeId()).orElseThrow();
        Map<PortalField, FieldAccess> fields = new EnumMap<>(type.rights().fields());
        fields.putAll(changed);
        userTypes.save(admin, type.id(), type.version(), type.name(),
                new Rights(type.rights().modules(), fields, type.rights().eventDescriptions()));
    }

    private String activities(PortalUser user) {
        return String.join("\n", jdbc.sql("""
                        select kind || ' ' || record_kind || ' ' || within_kind || ' ' || within_id from record_activity
                        where portal_user_id = :u order by id""")
                .param("u", user.id().value()).query(String.class).list());
    }

    private long projectComments() {
        return jdbc.sql("select count(*) from project_comment where project_id in (:a, :b, :c)")
                .param("a", s.project.id().value()).param("b", s.otherProject.id().value())
                .param("c", s.notMember.id().value()).query(Long.class).single();
    }

    private long ticketCommentCount() {
        return jdbc.sql("select count(*) from ticket_comment where ticket_id in (:a, :b)")
                .param("a", s.ticket.id().value()).param("b", s.otherTicket.id().value()).query(Long.class).single();
    }

    private long filesOf(UUID owner) {
        return jdbc.sql("select count(*) from stored_file where owner_id = :o").param("o", owner).query(Long.class).single();
    }

    private long ticketsOf(UUID company) {
        return jdbc.sql("select count(*) from ticket where company_id = :c").param("c", company).query(Long.class).single();
    }

    private String commentBody(UUID id) {
        return jdbc.sql("select body from ticket_comment where id = :id").param("id", id).query(String.class).single();
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "text/plain", content.getBytes(StandardCharsets.UTF_8));
    }

    private void redirects(AbstractMockHttpServletRequestBuilder<?> request, PortalUser user, String to) throws Exception {
        MvcResult result = mvc.perform(request.with(as(user)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(to);
    }

    private void redirectsTo(AbstractMockHttpServletRequestBuilder<?> request, PortalUser user) throws Exception {
        assertThat(mvc.perform(request.with(as(user)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    private void notFound(AbstractMockHttpServletRequestBuilder<?> request, PortalUser user) throws Exception {
        MvcResult result = mvc.perform(request.with(as(user)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString()).contains("Page not found").doesNotContain(SECRET);
    }

    private String page(PortalUser user, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private RequestPostProcessor as(PortalUser user) {
        PortalPrincipal principal = new PortalPrincipal(user.id(), user.portalId(), "user@acme.example",
                "Portal user");
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                AuthorityUtils.createAuthorityList(PortalPrincipal.AUTHORITY)));
    }
}
