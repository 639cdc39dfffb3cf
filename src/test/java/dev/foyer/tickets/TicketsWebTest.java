package dev.foyer.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static dev.foyer.test.TicketBuilders.aComment;
import static dev.foyer.test.TicketBuilders.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 3: staff open tickets of a company, work on them, comment, and share comments on the portal. */
@FoyerWebTest
class TicketsWebTest {

    private static final String VALUE = "(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?";
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^\\s>/]*((?:\\s+[^\\s=>/]+" + VALUE + ")*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=>/]+)" + VALUE);

    @Autowired
    MockMvc mvc;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketComments comments;
    @Autowired
    Companies companies;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberOpensATicketForACompanyAfterSeeingEveryProblemAtOnce() throws Exception {
        StaffPrincipal member = staff(StaffRole.MEMBER);
        Company company = aCompany().named("Kiln & Co " + System.nanoTime()).createdBy(companies, Admins.testAdmin(jdbc));
        long before = count("ticket");
        mvc.perform(post("/tickets").with(user(member)).with(csrf()).param("company", "").param("subject", " ")
                        .param("description", "").param("priority", "SOMETIMES").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "company", "ticket.error.company"))
                .andExpect(model().attributeHasFieldErrorCode("form", "subject", "ticket.error.subject"))
                .andExpect(model().attributeHasFieldErrorCode("form", "priority", "ticket.error.priority"))
                .andExpect(content().string(containsString("Choose the ticket&#39;s company.")))
                .andExpect(content().string(containsString("Enter a subject of 1 to 200 characters.")));
        assertThat(count("ticket")).isEqualTo(before);

        var created = mvc.perform(post("/tickets").with(user(member)).with(csrf())
                        .param("company", company.id().toString()).param("subject", "The kiln overheats")
                        .param("description", "It reached 1400 °C.\n\nPlease check the thermostat.")
                        .param("priority", "HIGH").param("assignee", "").param("externalRef", "")
                        .param("version", "0"))
                .andExpect(status().isFound()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        Ticket ticket = tickets.find(member, TicketId.parse(location.substring("/tickets/".length())).orElseThrow())
                .orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.description()).isEqualTo("<p>It reached 1400 °C.</p><p>Please check the thermostat.</p>");
        assertThat(ticket.isMember(member.id())).as("whoever opens a ticket follows it").isTrue();
        mvc.perform(get(location).with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("#" + ticket.number())))
                .andExpect(content().string(containsString("The kiln overheats")))
                .andExpect(content().string(containsString("Kiln &amp; Co")))
                .andExpect(content().string(containsString("<p>Please check the thermostat.</p>")))
                .andExpect(content().string(containsString("Created")))
                .andExpect(content().string(containsString(member.displayName())));
    }

    @Test
    void ticketNumbersAreUniqueAndIncreasing() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(aTicket().at(company.id()).openedBy(tickets, admin).number());
        }
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
        assertThat(numbers.getFirst()).isGreaterThanOrEqualTo(1001);
        assertThat(jdbc.sql("select count(*) = count(distinct number) from ticket").query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void theListFindsTicketsBySubjectAndNumberFiltersThemAndPages() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StaffPrincipal member = staff(StaffRole.MEMBER);
        Company company = aCompany().createdBy(companies, admin);
        Company other = aCompany().createdBy(companies, admin);
        for (int i = 0; i < 27; i++) {
            aTicket().at(company.id()).about("Routine check " + i).openedBy(tickets, admin);
        }
        Ticket glaze = aTicket().at(company.id()).about("Glaze cracks on the blue vases").openedBy(tickets, admin);
        Ticket urgent = aTicket().at(company.id()).about("Furnace down").withPriority(TicketPriority.URGENT)
                .assignedTo(member.id()).openedBy(tickets, admin);
        Ticket elsewhere = aTicket().at(other.id()).about("Elsewhere entirely").openedBy(tickets, admin);
        tickets.changeStatus(admin, glaze.id(), glaze.version(), TicketStatus.PENDING);

        assertThat(listed(get("/tickets").param("q", "GLAZE cracks"), member)).extracting(TicketSummary::id)
                .containsExactly(glaze.id());
        assertThat(listed(get("/tickets").param("q", "#" + urgent.number()), member)).extracting(TicketSummary::id)
                .containsExactly(urgent.id());
        assertThat(listed(get("/tickets").param("q", String.valueOf(elsewhere.number())), member))
                .extracting(TicketSummary::id).containsExactly(elsewhere.id());
        assertThat(listed(get("/tickets").param("q", "100%_"), member)).isEmpty();
        assertThat(listed(get("/tickets").param("company", company.id().toString()).param("status", "PENDING"), member))
                .extracting(TicketSummary::id).containsExactly(glaze.id());
        assertThat(listed(get("/tickets").param("company", company.id().toString()).param("priority", "URGENT"), member))
                .extracting(TicketSummary::id).containsExactly(urgent.id());
        assertThat(listed(get("/tickets").param("mine", "true"), member)).extracting(TicketSummary::id)
                .containsExactly(urgent.id());
        assertThat(listed(get("/tickets").param("company", company.id().toString()).param("sort", "PRIORITY"), member)
                .getFirst().id()).isEqualTo(urgent.id());
        assertThat(listed(get("/tickets").param("company", company.id().toString()).param("sort", "NUMBER"), member)
                .getFirst().id()).isEqualTo(urgent.id());

        Page<?> first = page(get("/tickets").param("company", company.id().toString()), member);
        assertThat(first.getTotalElements()).isEqualTo(29);
        assertThat(first.getContent()).hasSize(25);
        Page<?> second = page(get("/tickets").param("company", company.id().toString()).param("page", "1"), member);
        assertThat(second.getContent()).hasSize(4);
        mvc.perform(get("/tickets").with(user(member)).param("company", company.id().toString()))
                .andExpect(content().string(containsString("Page 1 of 2")))
                .andExpect(content().string(containsString("Showing the tickets of")))
                .andExpect(content().string(not(containsString("Elsewhere entirely"))));
        mvc.perform(get("/tickets/for-company/" + company.id()).with(user(member)).param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("29 tickets")))
                .andExpect(content().string(containsString("Page 2 of 3")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/companies/" + company.id()).with(user(member)))
                .andExpect(content().string(containsString("hx-get=\"/tickets/for-company/" + company.id() + "\"")))
                .andExpect(content().string(containsString("href=\"/tickets?company=" + company.id() + "\"")));
    }

    @Test
    void aStaleEditShowsBothVersionsAndCanBeReapplied() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Ticket ticket = aTicket().at(company.id()).about("Original subject").openedBy(tickets, admin);
        tickets.update(admin, ticket.id(), ticket.version(), new TicketDetails(company.id(), "Their subject",
                "<p>Their description</p>", TicketPriority.HIGH, null, null));

        mvc.perform(post("/tickets/" + ticket.id()).with(user(admin)).with(csrf()).param("company", company.id().toString())
                        .param("subject", "My subject").param("description", "My description").param("priority", "LOW")
                        .param("version", String.valueOf(ticket.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("Their subject")))
                .andExpect(content().string(containsString("<p>Their description</p>")))
                .andExpect(content().string(containsString("value=\"My subject\"")))
                .andExpect(content().string(containsString("My description")));
        Ticket stored = tickets.find(admin, ticket.id()).orElseThrow();
        assertThat(stored.subject()).isEqualTo("Their subject");
        assertThat(stored.priority()).isEqualTo(TicketPriority.HIGH);

        mvc.perform(post("/tickets/" + ticket.id()).with(user(admin)).with(csrf()).param("company", company.id().toString())
                        .param("subject", "My subject").param("description", "My description").param("priority", "LOW")
                        .param("version", String.valueOf(stored.version())))
                .andExpect(status().isFound());
        Ticket reapplied = tickets.find(admin, ticket.id()).orElseThrow();
        assertThat(reapplied.subject()).isEqualTo("My subject");
        assertThat(reapplied.priority()).isEqualTo(TicketPriority.LOW);
    }

    @Test
    void theStatusFollowsTheLifecycleAndIllegalChangesAreRefused() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Ticket ticket = aTicket().at(aCompany().createdBy(companies, admin).id()).openedBy(tickets, admin);

        changeStatus(admin, ticket, "RESOLVED").andExpect(flash().attribute("statusChanged", "RESOLVED"));
        Ticket resolved = reload(admin, ticket);
        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isNotNull();

        changeStatus(admin, resolved, "PENDING").andExpect(flash().attribute("problem", "ticket.error.transition"));
        assertThat(reload(admin, ticket).version()).isEqualTo(resolved.version());

        changeStatus(admin, resolved, "CLOSED");
        Ticket closed = reload(admin, ticket);
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        for (String illegal : List.of("RESOLVED", "PENDING", "CLOSED", "NONSENSE")) {
            changeStatus(admin, closed, illegal).andExpect(flash().attributeExists("problem"));
        }
        assertThat(reload(admin, ticket).status()).isEqualTo(TicketStatus.CLOSED);
        // The message reaches the page through the session (Spring Session's cookie), as in a browser.
        var refused = changeStatus(admin, closed, "PENDING").andReturn().getResponse();
        mvc.perform(get("/tickets/" + ticket.id()).with(user(admin)).cookie(refused.getCookies()))
                .andExpect(content().string(containsString("A closed ticket can only be reopened")));

        changeStatus(admin, resolved, "OPEN").andExpect(flash().attribute("stale", true));
        assertThat(reload(admin, ticket).status()).as("a stale status change is refused").isEqualTo(TicketStatus.CLOSED);

        changeStatus(admin, closed, "OPEN");
        Ticket reopened = reload(admin, ticket);
        assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(reopened.resolvedAt()).isNull();
    }

    @Test
    void commentsStartAsInternalNotesAndTheirSharingIsSwitchedWithAndWithoutJavaScript() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StaffPrincipal member = staff(StaffRole.MEMBER);
        Ticket ticket = aTicket().at(aCompany().createdBy(companies, admin).id()).openedBy(tickets, admin);
        String base = "/tickets/" + ticket.id();

        mvc.perform(post(base + "/comments").with(user(member)).with(csrf()).param("body", "We are on it."))
                .andExpect(status().isFound());
        CommentView comment = comments.page(admin, ticket.id(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent()
                .getFirst();
        assertThat(comment.shared()).as("until portal settings exist, nothing is shared").isFalse();
        assertThat(comment.body()).isEqualTo("<p>We are on it.</p>");
        mvc.perform(get(base).with(user(member)))
                .andExpect(content().string(containsString("We are on it.")))
                .andExpect(content().string(containsString("aria-pressed=\"false\"")))
                .andExpect(content().string(containsString("Internal note")));

        mvc.perform(post(base + "/comments").with(user(member)).with(csrf()).param("body", "  ")
                        .param("sharingShown", "true"))
                .andExpect(flash().attribute("commentProblem", "ticketComment.error.body"));
        assertThat(comments.count(admin, ticket.id())).isEqualTo(1);

        // With htmx: only the switch comes back, showing the new state.
        String fragment = mvc.perform(post(base + "/comments/" + comment.id() + "/sharing").with(user(member)).with(csrf())
                        .header("HX-Request", "true").param("version", String.valueOf(comment.version()))
                        .param("shared", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-pressed=\"true\"")))
                .andExpect(content().string(containsString("Shown on portal")))
                .andExpect(content().string(containsString("hx-post=\"" + base + "/comments/" + comment.id() + "/sharing\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment.strip()).startsWith("<form").endsWith("</form>").doesNotContain("<html");
        CommentView shared = comments.find(admin, ticket.id(), comment.id()).orElseThrow();
        assertThat(shared.shared()).isTrue();

        // A stale switch changes nothing and says so, with htmx and without.
        mvc.perform(post(base + "/comments/" + comment.id() + "/sharing").with(user(member)).with(csrf())
                        .header("HX-Request", "true").param("version", String.valueOf(comment.version()))
                        .param("shared", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone changed this comment just now")))
                .andExpect(content().string(containsString("aria-pressed=\"true\"")));
        mvc.perform(post(base + "/comments/" + comment.id() + "/sharing").with(user(member)).with(csrf())
                        .param("version", String.valueOf(comment.version())).param("shared", "false"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("staleSharing", true));
        assertThat(comments.find(admin, ticket.id(), comment.id()).orElseThrow().shared()).isTrue();

        // Without JavaScript: a plain post, redirected back to the comment.
        mvc.perform(post(base + "/comments/" + comment.id() + "/sharing").with(user(member)).with(csrf())
                        .param("version", String.valueOf(shared.version())).param("shared", "false"))
                .andExpect(status().isFound())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo(base + "#comment-" + comment.id()));
        assertThat(comments.find(admin, ticket.id(), comment.id()).orElseThrow().shared()).isFalse();
        assertThat(jdbc.sql("select count(*) from record_change where record_type = 'ticket_comment' and record_id = :id")
                .param("id", comment.id().value()).query(Long.class).single()).isEqualTo(3);

        // The form's own switch: a comment posted with it checked starts shared.
        mvc.perform(post(base + "/comments").with(user(member)).with(csrf()).param("body", "Shared at once")
                        .param("sharingShown", "true").param("shared", "true"))
                .andExpect(status().isFound());
        assertThat(comments.page(admin, ticket.id(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent())
                .filteredOn(c -> c.body().contains("Shared at once")).singleElement()
                .extracting(CommentView::shared).isEqualTo(true);
    }

    @Test
    void staffWhoAreNeitherAssigneeNorMemberReadAndCommentButCannotEdit() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StaffPrincipal outsider = staff(StaffRole.MEMBER);
        StaffPrincipal assignee = staff(StaffRole.MEMBER);
        Company company = aCompany().createdBy(companies, admin);
        Ticket ticket = aTicket().at(company.id()).about("Not yours").assignedTo(assignee.id()).openedBy(tickets, admin);
        TicketComment adminNote = aComment().on(ticket.id()).postedBy(comments, admin);
        String base = "/tickets/" + ticket.id();

        mvc.perform(get(base).with(user(outsider))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Change status"))))
                .andExpect(content().string(not(containsString("share-" + adminNote.id()))));
        mvc.perform(get(base + "/edit").with(user(outsider))).andExpect(status().isForbidden());
        mvc.perform(post(base).with(user(outsider)).with(csrf()).param("company", company.id().toString())
                .param("subject", "Hijacked").param("priority", "LOW").param("version", String.valueOf(ticket.version())))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/status").with(user(outsider)).with(csrf()).param("status", "CLOSED")
                .param("version", String.valueOf(ticket.version()))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/members").with(user(outsider)).with(csrf()).param("member", outsider.id().toString())
                .param("version", String.valueOf(ticket.version()))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/comments/" + adminNote.id() + "/sharing").with(user(outsider)).with(csrf())
                .param("version", String.valueOf(adminNote.version())).param("shared", "true"))
                .andExpect(status().isForbidden());
        Ticket unchanged = reload(admin, ticket);
        assertThat(unchanged.version()).isEqualTo(ticket.version());
        assertThat(unchanged.subject()).isEqualTo("Not yours");
        assertThat(unchanged.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(unchanged.isMember(outsider.id())).isFalse();
        assertThat(comments.find(admin, ticket.id(), adminNote.id()).orElseThrow().shared()).isFalse();

        mvc.perform(post(base + "/comments").with(user(outsider)).with(csrf()).param("body", "Any staff may comment."))
                .andExpect(status().isFound());

        mvc.perform(post(base + "/status").with(user(assignee)).with(csrf()).param("status", "PENDING")
                .param("version", String.valueOf(ticket.version()))).andExpect(status().isFound());
        Ticket pending = reload(admin, ticket);
        assertThat(pending.status()).isEqualTo(TicketStatus.PENDING);
        mvc.perform(post(base + "/members").with(user(assignee)).with(csrf()).param("member", outsider.id().toString())
                .param("version", String.valueOf(pending.version()))).andExpect(status().isFound());
        Ticket withMember = reload(admin, ticket);
        assertThat(withMember.isMember(outsider.id())).isTrue();
        mvc.perform(get(base + "/edit").with(user(outsider))).andExpect(status().isOk());

        mvc.perform(post(base + "/members/" + outsider.id() + "/remove").with(user(admin)).with(csrf())
                .param("version", String.valueOf(withMember.version()))).andExpect(status().isFound());
        assertThat(reload(admin, ticket).isMember(outsider.id())).isFalse();
    }

    @Test
    void theHistoryShowsWhoChangedWhichFields() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        StaffPrincipal manager = staff(StaffRole.MANAGER);
        Company company = aCompany().createdBy(companies, admin);
        Ticket ticket = aTicket().at(company.id()).about("Before").openedBy(tickets, admin);
        Ticket edited = tickets.update(manager, ticket.id(), ticket.version(), new TicketDetails(company.id(), "After",
                ticket.description(), TicketPriority.URGENT, manager.id(), null));
        tickets.changeStatus(manager, ticket.id(), edited.version(), TicketStatus.RESOLVED);

        mvc.perform(get("/tickets/" + ticket.id()).with(user(admin)))
                .andExpect(content().string(containsString("<del>Before</del>")))
                .andExpect(content().string(containsString("<ins>After</ins>")))
                // Stored constants read as the labels the ticket page uses.
                .andExpect(content().string(containsString("<del>Normal</del>")))
                .andExpect(content().string(containsString("<ins>Urgent</ins>")))
                .andExpect(content().string(containsString("<ins>Resolved</ins>")))
                .andExpect(content().string(containsString(">Assignee<")))
                .andExpect(content().string(containsString(manager.displayName())));
        assertThat(jdbc.sql("select count(*) from record_change where record_type = 'ticket' and record_id = :id")
                .param("id", ticket.id().value()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void scriptsPlantedInTicketsAndCommentsStayInert() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        String script = "<script>alert(1)</script>";
        String img = "<img src=x onerror=alert(1)>";
        assertThat(eventHandlers("<p>" + img + "</p>")).as("the check finds a live handler").hasSize(1);
        assertThat(eventHandlers("<p title=\"a onerror=b\">&lt;img src=x onerror=alert(1)&gt;</p>")).isEmpty();
        var created = mvc.perform(post("/tickets").with(user(admin)).with(csrf()).param("company", company.id().toString())
                        .param("subject", "Evil " + script + img).param("description", "<p>Hi</p>" + script + img)
                        .param("priority", "NORMAL").param("version", "0"))
                .andExpect(status().isFound()).andReturn();
        String base = created.getResponse().getRedirectedUrl();
        mvc.perform(post(base + "/comments").with(user(admin)).with(csrf()).param("body", "Look " + script + img))
                .andExpect(status().isFound());
        mvc.perform(post(base + "/comments").with(user(admin)).with(csrf()).param("body", "<p onclick=\"alert(1)\">x</p>"
                + "<a href=\"javascript:alert(1)\">link</a>")).andExpect(status().isFound());
        Ticket ticket = tickets.find(admin, TicketId.parse(base.substring("/tickets/".length())).orElseThrow()).orElseThrow();
        tickets.update(admin, ticket.id(), ticket.version(), new TicketDetails(company.id(), "Still evil " + img,
                "<p>Again</p>" + script, TicketPriority.HIGH, null, null));

        for (String page : List.of(base, base + "/edit", "/tickets", "/tickets?q=evil",
                "/tickets?company=" + company.id(), "/tickets/for-company/" + company.id())) {
            String html = mvc.perform(get(page).with(user(admin))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContainIgnoringCase("<script>alert").doesNotContain("<img src=x")
                    .doesNotContain("javascript:");
            assertThat(eventHandlers(html)).as(page + ": real tags with event handler attributes").isEmpty();
            assertThat(html).as(page + " shows the subject as text").contains("evil &lt;img src=x onerror=alert(1)&gt;");
        }
        mvc.perform(get(base).with(user(admin))).andExpect(content().string(containsString("Look")));
    }

    @Test
    void ticketsAreHiddenWhileTheirCompanyIsInTheRecycleBinAndPurgedWithIt() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Ticket ticket = aTicket().at(company.id()).openedBy(tickets, admin);
        aComment().on(ticket.id()).postedBy(comments, admin);
        companies.moveToRecycleBin(admin, company.id(), company.version());
        mvc.perform(get("/tickets/" + ticket.id()).with(user(admin))).andExpect(status().isNotFound());
        assertThat(listed(get("/tickets").param("q", "#" + ticket.number()), admin)).isEmpty();
        mvc.perform(post("/recycle-bin/COMPANY/" + company.id() + "/purge").with(user(admin)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("select count(*) from ticket where id = :id").param("id", ticket.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void unknownAndMalformedIdsAnswer404() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Ticket ticket = aTicket().at(aCompany().createdBy(companies, admin).id()).openedBy(tickets, admin);
        mvc.perform(get("/tickets/" + TicketId.newId()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/tickets/not-an-id").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/tickets/" + TicketId.newId() + "/edit").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/tickets/for-company/" + TicketId.newId()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/tickets/" + TicketId.newId() + "/status").with(user(admin)).with(csrf())
                .param("status", "CLOSED").param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/tickets/" + ticket.id() + "/comments/" + TicketCommentId.newId() + "/sharing")
                .with(user(admin)).with(csrf()).param("version", "0").param("shared", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/tickets/" + ticket.id() + "/comments/nope/sharing").with(user(admin)).with(csrf())
                .param("version", "0").param("shared", "true")).andExpect(status().isNotFound());
    }

    /** Event handler attributes (onclick, onerror, ...) of the page's real tags; escaped text and quoted values do not count. */
    private static List<String> eventHandlers(String html) {
        List<String> found = new ArrayList<>();
        var tags = TAG.matcher(html);
        while (tags.find()) {
            var attributes = ATTRIBUTE.matcher(tags.group(1));
            while (attributes.find()) {
                if (attributes.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("on")) {
                    found.add(tags.group());
                }
            }
        }
        return found;
    }

    private ResultActions changeStatus(StaffPrincipal actor, Ticket ticket, String status) throws Exception {
        return mvc.perform(post("/tickets/" + ticket.id() + "/status").with(user(actor)).with(csrf())
                .param("status", status).param("version", String.valueOf(ticket.version())))
                .andExpect(status().isFound());
    }

    private Ticket reload(StaffPrincipal actor, Ticket ticket) {
        return tickets.find(actor, ticket.id()).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Page<TicketSummary> page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                                     StaffPrincipal actor) throws Exception {
        return (Page<TicketSummary>) mvc.perform(request.with(user(actor))).andExpect(status().isOk()).andReturn()
                .getModelAndView().getModel().get("page");
    }

    private List<TicketSummary> listed(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                                       StaffPrincipal actor) throws Exception {
        return page(request, actor).getContent();
    }

    private StaffPrincipal staff(StaffRole role) {
        var user = aStaffUser().withRole(role).createdBy(staffAccounts, Admins.testAdmin(jdbc));
        return new StaffPrincipal(user.id(), user.email(), user.displayName(), role, null);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
