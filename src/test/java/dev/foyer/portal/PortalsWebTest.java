package dev.foyer.portal;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contact;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 5 item 1 (PRT-1): admins manage portals — slugs, audience, active switch, seat limit. */
@FoyerWebTest
class PortalsWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Portals portals;
    @Autowired
    UserTypes userTypes;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstPortalIsForCustomersAndComesWithTheTwoDefaultUserTypes() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal first = portals.find(admin, customerPortal(jdbc)).orElseThrow();
        assertThat(first.name()).isEqualTo("Customer portal");
        assertThat(first.slug()).isEqualTo("customer-portal");
        assertThat(first.audience()).isEqualTo(Audience.CUSTOMERS);
        assertThat(first.primary()).isTrue();
        // The test database is shared with other tests, which may add user types of their own.
        assertThat(userTypes.list(admin, first.id())).extracting(UserTypeSummary::name)
                .contains("Full access", "Limited access");

        Rights full = type(admin, first, "Full access").rights();
        assertThat(full.of(PortalModule.INVOICES).viewScope()).isEqualTo(ViewScope.ACCOUNT);
        assertThat(full.of(PortalModule.TASKS).viewScope()).isEqualTo(ViewScope.ACCOUNT);
        assertThat(full.eventDescriptions()).as("Full access: events with descriptions").isTrue();
        assertThat(full.of(PortalModule.COMMENTS).canCreate()).isTrue();
        Rights limited = type(admin, first, "Limited access").rights();
        assertThat(PortalModule.values()).filteredOn(m -> limited.of(m).grantsView())
                .containsExactlyInAnyOrder(PortalModule.PROJECTS, PortalModule.FILES, PortalModule.COMMENTS,
                        PortalModule.NOTIFICATIONS);
        assertThat(limited.eventDescriptions()).isFalse();

        mvc.perform(get("/settings/portals").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Customer portal")))
                .andExpect(content().string(containsString("customer-portal")))
                .andExpect(content().string(containsString("First portal")));
        assertThat(portals.ensureCustomerPortal()).as("created once only").isEmpty();
    }

    @Test
    void anAdminCreatesAPortalWhoseSlugComesFromItsNameAfterSeeingEveryProblemAtOnce() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        long before = count();
        mvc.perform(post("/settings/portals").with(user(admin)).with(csrf()).param("name", " ")
                        .param("slug", "Not A Slug!").param("audience", "VENDORS").param("seatLimit", "ten")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "seatLimit", "portal.error.seatLimit"))
                .andExpect(content().string(containsString("Enter a seat limit as a whole number")));
        mvc.perform(post("/settings/portals").with(user(admin)).with(csrf()).param("name", " ")
                        .param("slug", "Not A Slug!").param("audience", "VENDORS").param("seatLimit", "0")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "portal.error.name"))
                .andExpect(model().attributeHasFieldErrorCode("form", "slug", "portal.error.slug"))
                .andExpect(model().attributeHasFieldErrorCode("form", "seatLimit", "portal.error.seatLimit"))
                .andExpect(content().string(containsString("There is a problem")));
        assertThat(count()).as("bad input changes nothing").isEqualTo(before);

        String name = "Vendor Hub \u2014 K\u00f6ln " + System.nanoTime();
        var created = mvc.perform(post("/settings/portals").with(user(admin)).with(csrf()).param("name", name)
                        .param("slug", "").param("audience", "VENDORS").param("active", "true")
                        .param("seatLimit", "25").param("version", "0"))
                .andExpect(status().isFound()).andReturn();
        Portal portal = portals.find(admin, PortalId.parse(created.getResponse().getRedirectedUrl()
                .substring("/settings/portals/".length())).orElseThrow()).orElseThrow();
        assertThat(portal.slug()).startsWith("vendor-hub-koln-");
        assertThat(portal.audience()).isEqualTo(Audience.VENDORS);
        assertThat(portal.seatLimit()).isEqualTo(25);
        assertThat(portal.active()).isTrue();
        assertThat(userTypes.list(admin, portal.id())).extracting(UserTypeSummary::name)
                .containsExactly("Full access", "Limited access");
        mvc.perform(get("/settings/portals/" + portal.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("0 of 25 seats in use")))
                .andExpect(content().string(containsString("Full access")))
                .andExpect(content().string(containsString("Created")));
    }

    @Test
    void slugsAreUniqueEditableAndAnOldSlugStopsResolving() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        String run = "s" + System.nanoTime();
        Portal partners = portals.create(admin, details("Partners " + run, run + "-partners"));
        Portal twin = portals.create(admin, details("Partners " + run, null));
        assertThat(twin.slug()).as("a blank slug comes from the name").isEqualTo("partners-" + run);
        Portal third = portals.create(admin, details("Partners " + run, null));
        assertThat(third.slug()).as("a derived slug that is taken gets a number").isEqualTo("partners-" + run + "-2");

        mvc.perform(post("/settings/portals").with(user(admin)).with(csrf()).param("name", "Copy")
                        .param("slug", run + "-partners").param("audience", "PARTNERS").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "slug", "portal.error.slugTaken"));

        mvc.perform(post("/settings/portals/" + partners.id()).with(user(admin)).with(csrf())
                        .param("name", partners.name()).param("slug", run + "-friends").param("audience", "PARTNERS")
                        .param("active", "true").param("seatLimit", "").param("version", String.valueOf(partners.version())))
                .andExpect(status().isFound());
        assertThat(portals.findBySlug(run + "-partners")).as("the old slug stops working (PRT-1)").isEmpty();
        assertThat(portals.findBySlug(run + "-friends")).map(Portal::id).contains(partners.id());

        Portal renamed = portals.find(admin, partners.id()).orElseThrow();
        mvc.perform(post("/settings/portals/" + partners.id()).with(user(admin)).with(csrf())
                        .param("name", partners.name()).param("slug", third.slug()).param("audience", "PARTNERS")
                        .param("version", String.valueOf(renamed.version())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "slug", "portal.error.slugTaken"));
        assertThat(portals.find(admin, partners.id()).orElseThrow().slug()).isEqualTo(run + "-friends");
    }

    @Test
    void theFirstPortalKeepsItsAudienceAndIsNeverDeleted() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal first = portals.find(admin, customerPortal(jdbc)).orElseThrow();
        mvc.perform(post("/settings/portals/" + first.id()).with(user(admin)).with(csrf())
                        .param("name", first.name()).param("slug", first.slug()).param("audience", "VENDORS")
                        .param("active", "true").param("version", String.valueOf(first.version())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "audience", "portal.error.primaryAudience"));
        mvc.perform(post("/settings/portals/" + first.id() + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(first.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The first portal cannot be deleted.")));
        Portal after = portals.find(admin, first.id()).orElseThrow();
        assertThat(after.audience()).isEqualTo(Audience.CUSTOMERS);
        assertThat(after.version()).isEqualTo(first.version());
    }

    @Test
    void aStaleEditShowsTheStoredPortalKeepsWhatWasTypedAndASecondSaveApplies() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portals.create(admin, details("Stale " + System.nanoTime(), null));
        Portal theirs = portals.update(admin, portal.id(), portal.version(),
                new PortalDetails("Their name", portal.slug(), Audience.PARTNERS, false, 5));
        mvc.perform(post("/settings/portals/" + portal.id()).with(user(admin)).with(csrf())
                        .param("name", "My name").param("slug", portal.slug()).param("audience", "PARTNERS")
                        .param("active", "true").param("seatLimit", "9").param("version", String.valueOf(portal.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("Their name")))
                .andExpect(content().string(containsString("value=\"My name\"")))
                .andExpect(content().string(containsString("value=\"" + theirs.version() + "\"")));
        assertThat(portals.find(admin, portal.id()).orElseThrow().name()).isEqualTo("Their name");
        mvc.perform(post("/settings/portals/" + portal.id()).with(user(admin)).with(csrf())
                        .param("name", "My name").param("slug", portal.slug()).param("audience", "PARTNERS")
                        .param("active", "true").param("seatLimit", "9").param("version", String.valueOf(theirs.version())))
                .andExpect(status().isFound());
        Portal mine = portals.find(admin, portal.id()).orElseThrow();
        assertThat(mine.name()).isEqualTo("My name");
        assertThat(mine.seatLimit()).isEqualTo(9);
    }

    @Test
    void seatsCountEveryUserButInactiveOnesAndTheLimitIsKept() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portals.create(admin, new PortalDetails("Seats " + System.nanoTime(), null,
                Audience.CUSTOMERS, true, 2));
        UserTypeId type = userTypes.list(admin, portal.id()).getFirst().id();
        Company company = aCompany().createdBy(companies, admin);
        aPortalUser().of(contact(admin, company).id()).in(portal.id(), type).withStatus(PortalUserStatus.AWAITING)
                .createdBy(portalUsers, jdbc, admin);
        aPortalUser().of(contact(admin, company).id()).in(portal.id(), type).withStatus(PortalUserStatus.INACTIVE)
                .createdBy(portalUsers, jdbc, admin);
        aPortalUser().of(contact(admin, company).id()).in(portal.id(), type).withStatus(PortalUserStatus.PENDING)
                .createdBy(portalUsers, jdbc, admin);
        assertThat(portals.seatsInUse(portal.id())).isEqualTo(2);

        Contact oneTooMany = contact(admin, company);
        assertThatThrownBy(() -> aPortalUser().of(oneTooMany.id()).in(portal.id(), type)
                .createdBy(portalUsers, jdbc, admin))
                .isInstanceOf(PortalException.class)
                .satisfies(e -> assertThat(((PortalException) e).problems()).containsEntry("status",
                        "portal.user.error.seatLimit"));
        assertThat(aPortalUser().of(oneTooMany.id()).in(portal.id(), type).withStatus(PortalUserStatus.INACTIVE)
                .createdBy(portalUsers, jdbc, admin).status()).as("an inactive user holds no seat")
                .isEqualTo(PortalUserStatus.INACTIVE);

        Portal current = portals.find(admin, portal.id()).orElseThrow();
        mvc.perform(post("/settings/portals/" + portal.id()).with(user(admin)).with(csrf())
                        .param("name", current.name()).param("slug", current.slug()).param("audience", "CUSTOMERS")
                        .param("active", "true").param("seatLimit", "1").param("version", String.valueOf(current.version())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "seatLimit", "portal.error.seatLimitBelowUse"));
        assertThat(portals.find(admin, portal.id()).orElseThrow().seatLimit()).isEqualTo(2);
        mvc.perform(get("/settings/portals/" + portal.id()).with(user(admin)))
                .andExpect(content().string(containsString("2 of 2 seats in use")))
                .andExpect(content().string(containsString(oneTooMany.lastName())))
                .andExpect(content().string(containsString("Inactive")));
    }

    @Test
    void aPortalWithUsersIsKeptAndOneWithoutIsDeletedWithItsUserTypes() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal used = portals.create(admin, details("Used " + System.nanoTime(), null));
        aPortalUser().of(contact(admin, aCompany().createdBy(companies, admin)).id())
                .in(used.id(), userTypes.list(admin, used.id()).getFirst().id()).createdBy(portalUsers, jdbc, admin);
        mvc.perform(post("/settings/portals/" + used.id() + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(used.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This portal still has users.")));
        assertThat(portals.find(admin, used.id())).isPresent();

        Portal empty = portals.create(admin, details("Empty " + System.nanoTime(), null));
        mvc.perform(post("/settings/portals/" + empty.id() + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(empty.version())))
                .andExpect(status().isFound());
        assertThat(portals.find(admin, empty.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from portal_user_type where portal_id = :p").param("p", empty.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyAdminsOpenPortalSettingsAndOthersChangeNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portals.create(admin, details("Guarded " + System.nanoTime(), null));
        for (StaffRole role : new StaffRole[] {StaffRole.MANAGER, StaffRole.MEMBER}) {
            StaffPrincipal other = staff(role);
            mvc.perform(get("/settings/portals").with(user(other))).andExpect(status().isForbidden());
            mvc.perform(get("/settings/portals/" + portal.id()).with(user(other))).andExpect(status().isForbidden());
            mvc.perform(get("/settings/sharing-defaults").with(user(other))).andExpect(status().isForbidden());
            long before = count();
            mvc.perform(post("/settings/portals").with(user(other)).with(csrf()).param("name", "Sneaky")
                            .param("audience", "CUSTOMERS").param("version", "0"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/settings/portals/" + portal.id()).with(user(other)).with(csrf()).param("name", "Sneaky")
                            .param("slug", "sneaky").param("audience", "CUSTOMERS")
                            .param("version", String.valueOf(portal.version())))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/settings/portals/" + portal.id() + "/delete").with(user(other)).with(csrf())
                            .param("version", String.valueOf(portal.version())))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/settings/portals/" + portal.id() + "/user-types").with(user(other)).with(csrf())
                            .param("name", "Sneaky type"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/settings/sharing-defaults").with(user(other)).with(csrf()).param("shared", "TASKS")
                            .param("version", "0"))
                    .andExpect(status().isForbidden());
            assertThat(count()).isEqualTo(before);
        }
        assertThat(portals.find(admin, portal.id()).orElseThrow().version()).isEqualTo(portal.version());
        assertThat(userTypes.list(admin, portal.id())).hasSize(2);
        assertThat(jdbc.sql("select tasks from sharing_defaults").query(Boolean.class).single()).isFalse();
    }

    private UserType type(StaffPrincipal admin, Portal portal, String name) {
        return userTypes.find(admin, userTypes.list(admin, portal.id()).stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow().id()).orElseThrow();
    }

    private Contact contact(StaffPrincipal admin, Company company) {
        return aContact().at(company.id()).createdBy(contacts, admin);
    }

    private static PortalDetails details(String name, String slug) {
        return new PortalDetails(name, slug, Audience.PARTNERS, true, null);
    }

    private StaffPrincipal staff(StaffRole role) {
        var built = aStaffUser().withRole(role).createdBy(staffAccounts, Admins.testAdmin(jdbc));
        return new StaffPrincipal(built.id(), built.email(), built.displayName(), role, null);
    }

    private long count() {
        return jdbc.sql("select count(*) from portal").query(Long.class).single();
    }
}
