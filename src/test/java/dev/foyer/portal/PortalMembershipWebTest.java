package dev.foyer.portal;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.ConsolidatedAccount;
import dev.foyer.directory.ConsolidatedAccounts;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.projects.Project;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import dev.foyer.tickets.Ticket;
import dev.foyer.tickets.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.ProjectBuilders.aProject;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static dev.foyer.test.TicketBuilders.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 5 item 5 (ACC-3): portal users become members of projects and tickets only when the
 * record's company is in their scope — their contact's company, or for consolidated users the
 * consolidated account — whatever the chooser offered; a refusal changes nothing.
 */
@FoyerWebTest
class PortalMembershipWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PortalMemberships memberships;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    ConsolidatedAccounts accounts;
    @Autowired
    Projects projects;
    @Autowired
    Tickets tickets;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPortalUserOfTheProjectsCompanyJoinsAndIsShownApartFromStaff() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        PortalUser casey = portalUser(admin, company, "Casey", "Member" + System.nanoTime(), false);

        mvc.perform(get("/projects/" + project.id()).with(user(admin)))
                .andExpect(content().string(containsString("Portal members")))
                .andExpect(content().string(containsString("No portal members yet.")))
                .andExpect(content().string(containsString("value=\"" + casey.id() + "\"")));

        mvc.perform(post("/portal-members/project/" + project.id()).with(user(admin)).with(csrf())
                        .param("portalUser", casey.id().toString()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/projects/" + project.id() + "#portal-members-heading"))
                .andExpect(flash().attribute("portalMembersSaved", true));
        assertThat(memberships.isMember(MembershipKind.PROJECT, project.id().value(), casey.id())).isTrue();

        mvc.perform(get("/projects/" + project.id()).with(user(admin)))
                .andExpect(content().string(containsString("Portal members (1)")))
                .andExpect(content().string(containsString("Portal user")))
                .andExpect(content().string(containsString(company.name() + " \u00b7 Customer portal \u00b7 Full access")))
                .andExpect(content().string(containsString("Portal members")))
                .andExpect(content().string(not(containsString("value=\"" + casey.id() + "\""))));
        assertThat(jdbc.sql("select count(*) from record_change where record_type = 'project' and record_id = :id"
                        + " and changes::text like '%portalMembers%'").param("id", project.id().value())
                .query(Long.class).single()).as("the project's history says who joined").isEqualTo(1);

        mvc.perform(post("/portal-members/project/" + project.id() + "/" + casey.id() + "/remove").with(user(admin))
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(memberships.isMember(MembershipKind.PROJECT, project.id().value(), casey.id())).isFalse();
    }

    @Test
    void aPortalUserOfAnotherCompanyIsRefusedWithAMessageAndNothingChanges() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Company other = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        PortalUser stranger = portalUser(admin, other, "Sam", "Stranger" + System.nanoTime(), false);

        mvc.perform(get("/projects/" + project.id()).with(user(admin)))
                .andExpect(content().string(not(containsString(stranger.id().toString()))));
        long history = historyOf(project.id().value());
        mvc.perform(post("/portal-members/project/" + project.id()).with(user(admin)).with(csrf())
                        .param("portalUser", stranger.id().toString()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("portalMembersProblem", "portal.member.error.outOfScope"));
        assertThat(memberships.isMember(MembershipKind.PROJECT, project.id().value(), stranger.id())).isFalse();
        assertThat(historyOf(project.id().value())).isEqualTo(history);
        assertThat(jdbc.sql("select count(*) from project_portal_member where project_id = :p")
                .param("p", project.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aConsolidatedUserJoinsRecordsOfItsAccountWhileACustomerUserOfASisterCompanyDoesNot() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        ConsolidatedAccount group = accounts.create(admin, "Group " + System.nanoTime(), null);
        Company head = aCompany().inAccount(group.id()).createdBy(companies, admin);
        Company branch = aCompany().inAccount(group.id()).createdBy(companies, admin);
        Company outsider = aCompany().createdBy(companies, admin);
        Ticket ticket = aTicket().at(branch.id()).openedBy(tickets, admin);
        PortalUser consolidated = portalUser(admin, head, "Cora", "Consolidated" + System.nanoTime(), true);
        PortalUser customer = portalUser(admin, head, "Cid", "Customer" + System.nanoTime(), false);

        var panel = memberships.panel(admin, MembershipKind.TICKET, ticket.id().value(),
                org.springframework.data.domain.PageRequest.of(0, 25));
        assertThat(panel.choices()).extracting(PortalMember::id).contains(consolidated.id())
                .doesNotContain(customer.id());

        memberships.add(admin, MembershipKind.TICKET, ticket.id().value(), consolidated.id());
        assertThat(memberships.isMember(MembershipKind.TICKET, ticket.id().value(), consolidated.id())).isTrue();
        assertThatThrownBy(() -> memberships.add(admin, MembershipKind.TICKET, ticket.id().value(), customer.id()))
                .isInstanceOf(PortalException.class)
                .satisfies(e -> assertThat(((PortalException) e).problems())
                        .containsEntry("portalUser", "portal.member.error.outOfScope"));
        assertThat(memberships.isMember(MembershipKind.TICKET, ticket.id().value(), customer.id())).isFalse();

        Ticket elsewhere = aTicket().at(outsider.id()).openedBy(tickets, admin);
        assertThatThrownBy(() -> memberships.add(admin, MembershipKind.TICKET, elsewhere.id().value(),
                consolidated.id())).as("the account's scope ends at its companies")
                .isInstanceOf(PortalException.class);
        assertThat(memberships.isMember(MembershipKind.TICKET, elsewhere.id().value(), consolidated.id())).isFalse();
    }

    @Test
    void onTicketsTheirEditorsChooseThePortalMembersAndOthersChangeNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Ticket ticket = aTicket().at(company.id()).openedBy(tickets, admin);
        PortalUser casey = portalUser(admin, company, "Casey", "Ticket" + System.nanoTime(), false);
        var built = aStaffUser().withRole(StaffRole.MEMBER).createdBy(staffAccounts, admin);
        StaffPrincipal outsider = new StaffPrincipal(built.id(), built.email(), built.displayName(), StaffRole.MEMBER,
                null);

        mvc.perform(post("/portal-members/ticket/" + ticket.id()).with(user(outsider)).with(csrf())
                        .param("portalUser", casey.id().toString()))
                .andExpect(status().isForbidden());
        assertThat(memberships.isMember(MembershipKind.TICKET, ticket.id().value(), casey.id())).isFalse();
        mvc.perform(get("/tickets/" + ticket.id()).with(user(outsider)))
                .andExpect(content().string(containsString("Portal members")))
                .andExpect(content().string(not(containsString("Add a portal user"))));

        mvc.perform(post("/portal-members/ticket/" + ticket.id()).with(user(admin)).with(csrf())
                        .param("portalUser", casey.id().toString()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/tickets/" + ticket.id() + "#portal-members-heading"));
        mvc.perform(get("/tickets/" + ticket.id()).with(user(outsider)))
                .andExpect(content().string(containsString("Portal members (1)")))
                .andExpect(content().string(not(containsString(casey.id() + "/remove"))));
        mvc.perform(post("/portal-members/ticket/" + ticket.id() + "/" + casey.id() + "/remove")
                        .with(user(outsider)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(memberships.isMember(MembershipKind.TICKET, ticket.id().value(), casey.id())).isTrue();
        mvc.perform(post("/portal-members/ticket/" + java.util.UUID.randomUUID()).with(user(admin)).with(csrf())
                        .param("portalUser", casey.id().toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/portal-members/invoice/" + ticket.id()).with(user(admin)).with(csrf())
                        .param("portalUser", casey.id().toString()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMemberWhoseContactMovedAwayIsMarkedOutOfScope() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Company next = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        PortalUser mover = portalUser(admin, company, "Mo", "Mover" + System.nanoTime(), false);
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), mover.id());
        var contact = contacts.find(admin, mover.contactId()).orElseThrow();
        var details = contact.details();
        contacts.update(admin, contact.id(), contact.version(), new dev.foyer.directory.ContactDetails(
                details.firstName(), details.lastName(), details.email(), details.phone(), details.title(), next.id(),
                details.consent(), details.locked(), details.externalRef()));
        mvc.perform(get("/projects/" + project.id()).with(user(admin)))
                .andExpect(content().string(containsString("No longer in scope")));
    }

    private PortalUser portalUser(StaffPrincipal admin, Company company, String first, String last, boolean consolidated) {
        var builder = aPortalUser().of(aContact().named(first, last).at(company.id()).createdBy(contacts, admin).id());
        return (consolidated ? builder.consolidated() : builder).createdBy(portalUsers, jdbc, admin);
    }

    private long historyOf(java.util.UUID id) {
        return jdbc.sql("select count(*) from record_change where record_id = :id").param("id", id)
                .query(Long.class).single();
    }
}
