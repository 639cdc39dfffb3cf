package dev.foyer.portal;

import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contact;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.projects.Project;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static dev.foyer.test.PortalBuilders.userType;
import static dev.foyer.test.ProjectBuilders.aProject;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 6 items 1, 2 and 5: give access from the contact card (LIF-1), the contact list's portal
 * status, the Users tab with its status filter, name search, seat usage and the bulk actions of
 * LIF-4, and the membership e-mails of LIF-5.
 */
@FoyerWebTest
@RecordApplicationEvents
class PortalUserLifecycleWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    Portals portals;
    @Autowired
    PortalMemberships memberships;
    @Autowired
    Projects projects;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void saveMakesTheContactAwaitingAndSaveAndSendMakesItPendingWithAnInvitation() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Contact saved = aContact().at(company.id()).withEmail("save" + System.nanoTime() + "@client.example")
                .createdBy(contacts, admin);
        Contact invited = aContact().at(company.id()).withEmail("invite" + System.nanoTime() + "@client.example")
                .createdBy(contacts, admin);
        PortalId portal = customerPortal(jdbc);
        UserTypeId full = userType(jdbc, portal, "Full access");

        mvc.perform(get("/contacts/" + saved.id()).with(user(admin)))
                .andExpect(content().string(containsString("Portal access")))
                .andExpect(content().string(containsString("No portal access yet.")))
                .andExpect(content().string(containsString("Save and send invitation")))
                .andExpect(content().string(containsString("value=\"" + full + "\"")));

        mvc.perform(post("/contacts/" + saved.id() + "/portal-access").with(user(admin)).with(csrf())
                        .param("userType", full.toString()).param("kind", "CUSTOMER").param("submit", "save"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("portalAccessSaved", "portalAccess.saved"));
        assertThat(statusOf(saved)).isEqualTo("AWAITING");
        assertThat(invitationsTo(saved.email())).isZero();

        mvc.perform(post("/contacts/" + invited.id() + "/portal-access").with(user(admin)).with(csrf())
                        .param("userType", full.toString()).param("kind", "CUSTOMER").param("submit", "invite"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("portalAccessSaved", "portalAccess.invited"));
        assertThat(statusOf(invited)).isEqualTo("PENDING");
        assertThat(invitationsTo(invited.email())).isEqualTo(1);

        mvc.perform(get("/contacts/" + invited.id()).with(user(admin)))
                .andExpect(content().string(containsString("Not yet accepted (Pending)")));
        mvc.perform(get("/contacts").param("company", company.id().toString()).with(user(admin)))
                .andExpect(content().string(containsString("Customer portal: Awaiting")))
                .andExpect(content().string(containsString("Customer portal: Pending")));
    }

    @Test
    void giveAccessRefusesAConsolidatedUserWithoutAccountAndAMemberChangesNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Contact contact = aContact().at(company.id()).withEmail("c" + System.nanoTime() + "@client.example")
                .createdBy(contacts, admin);
        UserTypeId full = userType(jdbc, customerPortal(jdbc), "Full access");

        mvc.perform(post("/contacts/" + contact.id() + "/portal-access").with(user(admin)).with(csrf())
                        .param("userType", full.toString()).param("kind", "CONSOLIDATED").param("submit", "invite"))
                .andExpect(flash().attribute("portalAccessProblem", "portal.user.error.noConsolidatedAccount"));
        var built = aStaffUser().withRole(StaffRole.MEMBER).createdBy(staffAccounts, admin);
        StaffPrincipal member = new StaffPrincipal(built.id(), built.email(), built.displayName(), StaffRole.MEMBER, null);
        mvc.perform(get("/contacts/" + contact.id()).with(user(member)))
                .andExpect(content().string(not(containsString("Save and send invitation"))));
        mvc.perform(post("/contacts/" + contact.id() + "/portal-access").with(user(member)).with(csrf())
                        .param("userType", full.toString()).param("submit", "save"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from portal_user where contact_id = :c").param("c", contact.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theUsersTabFiltersSearchesCountsSeatsAndOffersExactlyTheBulkActionsOfEachStatus() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        String tag = Long.toString(System.nanoTime(), 36);
        Portal portal = portals.create(admin, new PortalDetails("Tab " + tag, null, Audience.CUSTOMERS, true, 4));
        UserTypeId full = userType(jdbc, portal.id(), "Full access");
        UserTypeId limited = userType(jdbc, portal.id(), "Limited access");
        Company company = aCompany().createdBy(companies, admin);
        PortalUser active = newUser(admin, company, "Ann", "Active" + tag, portal, full, PortalUserStatus.ACTIVE);
        PortalUser pending = newUser(admin, company, "Pat", "Pending" + tag, portal, full, PortalUserStatus.PENDING);
        PortalUser awaiting = newUser(admin, company, "Abe", "Awaiting" + tag, portal, full, PortalUserStatus.AWAITING);
        PortalUser inactive = newUser(admin, company, "Ina", "Inactive" + tag, portal, full, PortalUserStatus.INACTIVE);
        String tab = "/settings/portals/" + portal.id() + "/users";

        mvc.perform(get(tab).with(user(admin)))
                .andExpect(content().string(containsString("3 of 4 seats used")))
                .andExpect(content().string(containsString("Active" + tag)))
                .andExpect(content().string(containsString("Inactive" + tag)))
                .andExpect(content().string(containsString("Choose a status to act on several users at once.")));
        mvc.perform(get(tab).param("status", "ACTIVE").with(user(admin)))
                .andExpect(content().string(containsString("Active" + tag)))
                .andExpect(content().string(not(containsString("Pending" + tag))))
                .andExpect(content().string(containsString("value=\"DEACTIVATE\"")))
                .andExpect(content().string(containsString("value=\"REMOVE\"")))
                .andExpect(content().string(not(containsString("value=\"CHANGE_TYPE\""))));
        mvc.perform(get(tab).param("status", "PENDING").with(user(admin)))
                .andExpect(content().string(containsString("value=\"REINVITE\"")))
                .andExpect(content().string(containsString("value=\"CHANGE_TYPE\"")))
                .andExpect(content().string(not(containsString("value=\"DEACTIVATE\""))));
        mvc.perform(get(tab).param("status", "AWAITING").with(user(admin)))
                .andExpect(content().string(containsString("value=\"SEND_INVITATION\"")));
        mvc.perform(get(tab).param("status", "INACTIVE").with(user(admin)))
                .andExpect(content().string(containsString("value=\"ACTIVATE\"")));
        mvc.perform(get(tab).param("q", "pat pend").with(user(admin)))
                .andExpect(content().string(containsString("Pending" + tag)))
                .andExpect(content().string(not(containsString("Awaiting" + tag))));

        // An action that does not fit a selected user's status changes nothing.
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "DEACTIVATE")
                        .param("user", active.id().toString(), pending.id().toString()))
                .andExpect(flash().attribute("bulkProblem", "portal.users.error.status"));
        assertThat(statusOfUser(active)).isEqualTo("ACTIVE");
        // Activating beyond the seat limit is refused: 3 seats held + 1 = 4 fits, but a full portal does not.
        jdbc.sql("update portal set seat_limit = 3 where id = :id").param("id", portal.id().value()).update();
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "ACTIVATE")
                        .param("user", inactive.id().toString()))
                .andExpect(flash().attribute("bulkProblem", "portal.user.error.seatLimit"));
        assertThat(statusOfUser(inactive)).isEqualTo("INACTIVE");
        jdbc.sql("update portal set seat_limit = 4 where id = :id").param("id", portal.id().value()).update();

        events.clear();
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "DEACTIVATE")
                        .param("status", "ACTIVE").param("user", active.id().toString()))
                .andExpect(flash().attribute("bulkDone", 1));
        assertThat(statusOfUser(active)).isEqualTo("INACTIVE");
        assertThat(events.stream(PortalUserAccessChanged.class))
                .contains(new PortalUserAccessChanged(active.id(), PortalUserStatus.INACTIVE));
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "ACTIVATE")
                        .param("user", inactive.id().toString()))
                .andExpect(flash().attribute("bulkDone", 1));
        assertThat(statusOfUser(inactive)).isEqualTo("ACTIVE");
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "CHANGE_TYPE")
                        .param("userType", limited.toString()).param("user", pending.id().toString(),
                                awaiting.id().toString()))
                .andExpect(flash().attribute("bulkDone", 2));
        assertThat(jdbc.sql("select count(*) from portal_user where user_type_id = :t").param("t", limited.value())
                .query(Long.class).single()).isEqualTo(2);
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "SEND_INVITATION")
                        .param("user", awaiting.id().toString()))
                .andExpect(flash().attribute("bulkDone", 1));
        assertThat(statusOfUser(awaiting)).isEqualTo("PENDING");
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "REINVITE")
                        .param("user", awaiting.id().toString()))
                .andExpect(flash().attribute("bulkDone", 1));
        assertThat(jdbc.sql("select count(*) from portal_invitation where portal_user_id = :u and voided_at is null")
                .param("u", awaiting.id().value()).query(Long.class).single()).as("re-inviting voids the older link")
                .isEqualTo(1);

        Project project = aProject().of(company.id()).createdBy(projects, admin);
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), pending.id());
        events.clear();
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "REMOVE")
                        .param("user", pending.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Remove portal users")))
                .andExpect(content().string(containsString("Pat Pending" + tag)));
        assertThat(statusOfUser(pending)).as("removing asks first").isEqualTo("PENDING");
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "REMOVE")
                        .param("confirm", "yes").param("user", pending.id().toString()))
                .andExpect(flash().attribute("bulkDone", 1));
        assertThat(jdbc.sql("select count(*) from portal_user where id = :u").param("u", pending.id().value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from project_portal_member where portal_user_id = :u")
                .param("u", pending.id().value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from record_change where record_type = 'portal_user' and record_id = :u"
                + " and action = 'DELETED'").param("u", pending.id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(events.stream(PortalUserAccessChanged.class))
                .contains(new PortalUserAccessChanged(pending.id(), null));

        // Ids from another portal are not trusted.
        PortalUser elsewhere = aPortalUser().of(aContact().at(company.id()).createdBy(contacts, admin).id())
                .createdBy(portalUsers, jdbc, admin);
        mvc.perform(post(tab + "/bulk").with(user(admin)).with(csrf()).param("action", "DEACTIVATE")
                        .param("user", elsewhere.id().toString()))
                .andExpect(flash().attribute("bulkProblem", "portal.users.error.selection"));
        assertThat(statusOfUser(elsewhere)).isEqualTo("ACTIVE");
    }

    @Test
    void addingAnActiveUserEMailsThemAndAddingAContactWithoutAccountInvitesThem() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        String tag = Long.toString(System.nanoTime(), 36);
        Contact activeContact = aContact().at(company.id()).withEmail("member" + tag + "@client.example")
                .createdBy(contacts, admin);
        PortalUser active = aPortalUser().of(activeContact.id()).createdBy(portalUsers, jdbc, admin);
        Contact newcomer = aContact().named("Nina", "Newcomer" + tag).at(company.id())
                .withEmail("newcomer" + tag + "@client.example").createdBy(contacts, admin);

        mvc.perform(get("/projects/" + project.id()).with(user(admin)))
                .andExpect(content().string(containsString("Invite a contact of this company")))
                .andExpect(content().string(containsString("value=\"" + newcomer.id() + "\"")));
        mvc.perform(post("/portal-members/project/" + project.id()).with(user(admin)).with(csrf())
                        .param("portalUser", active.id().toString()))
                .andExpect(flash().attribute("portalMembersSaved", true));
        assertThat(jdbc.sql("select count(*) from mail_outbox where purpose = 'portal-membership'"
                + " and recipient_address = :a and text_body like '%/p/%'").param("a", activeContact.email())
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/portal-members/project/" + project.id() + "/contacts").with(user(admin)).with(csrf())
                        .param("contact", newcomer.id().toString()))
                .andExpect(flash().attribute("portalMembersInvited", true));
        UUID created = jdbc.sql("select id from portal_user where contact_id = :c").param("c", newcomer.id().value())
                .query(UUID.class).single();
        assertThat(memberships.isMember(MembershipKind.PROJECT, project.id().value(), new PortalUserId(created)))
                .isTrue();
        assertThat(jdbc.sql("select t.name from portal_user u join portal_user_type t on t.id = u.user_type_id"
                + " where u.id = :u").param("u", created).query(String.class).single()).isEqualTo("Limited access");
        assertThat(invitationsTo(newcomer.email())).isEqualTo(1);
        assertThat(jdbc.sql("select status from portal_user where id = :u").param("u", created)
                .query(String.class).single()).isEqualTo("PENDING");

        // A contact of another company is refused and nothing changes.
        Contact stranger = aContact().at(aCompany().createdBy(companies, admin).id())
                .withEmail("s" + tag + "@other.example").createdBy(contacts, admin);
        mvc.perform(post("/portal-members/project/" + project.id() + "/contacts").with(user(admin)).with(csrf())
                        .param("contact", stranger.id().toString()))
                .andExpect(flash().attribute("portalMembersProblem", "portal.member.error.contact"));
        assertThat(jdbc.sql("select count(*) from portal_user where contact_id = :c").param("c", stranger.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void addingAContactToAFullPortalIsRefusedWithAClearMessageAndNothingChanges() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Company company = aCompany().createdBy(companies, admin);
        Project project = aProject().of(company.id()).createdBy(projects, admin);
        Contact contact = aContact().at(company.id()).withEmail("full" + System.nanoTime() + "@client.example")
                .createdBy(contacts, admin);
        PortalId primary = customerPortal(jdbc);
        long seats = portals.seatsInUse(primary);
        jdbc.sql("update portal set seat_limit = :s where id = :id").param("s", (int) Math.max(1, seats))
                .param("id", primary.value()).update();
        try {
            mvc.perform(post("/portal-members/project/" + project.id() + "/contacts").with(user(admin)).with(csrf())
                            .param("contact", contact.id().toString()))
                    .andExpect(flash().attribute("portalMembersProblem", "portal.user.error.seatLimit"));
            assertThat(jdbc.sql("select count(*) from portal_user where contact_id = :c")
                    .param("c", contact.id().value()).query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("update portal set seat_limit = null where id = :id").param("id", primary.value()).update();
        }
    }

    private PortalUser newUser(StaffPrincipal admin, Company company, String first, String last, Portal portal,
                            UserTypeId type, PortalUserStatus status) {
        Contact contact = aContact().named(first, last).at(company.id())
                .withEmail(first.toLowerCase() + System.nanoTime() + "@client.example").createdBy(contacts, admin);
        return aPortalUser().of(contact.id()).in(portal.id(), type).withStatus(status)
                .createdBy(portalUsers, jdbc, admin);
    }

    private String statusOfUser(PortalUser user) {
        return jdbc.sql("select status from portal_user where id = :id").param("id", user.id().value())
                .query(String.class).single();
    }

    private String statusOf(Contact contact) {
        return jdbc.sql("select status from portal_user where contact_id = :c").param("c", contact.id().value())
                .query(String.class).single();
    }

    private long invitationsTo(String address) {
        return jdbc.sql("select count(*) from mail_outbox where purpose = 'invitation' and recipient_address = :a")
                .param("a", address).query(Long.class).single();
    }
}
