package dev.foyer.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 5 items 2 and 3 (PRT-2, PRT-3, PRT-4): user types are created, renamed, given module and
 * field rights on one screen, and deleted only after their users move to another type.
 */
@FoyerWebTest
class UserTypesWebTest {

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
    JdbcClient jdbc;

    @Test
    void aNewUserTypeGrantsNothingAndGetsItsRightsOnOneScreen() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        var created = mvc.perform(post("/settings/portals/" + portal.id() + "/user-types").with(user(admin))
                        .with(csrf()).param("name", "Accounting"))
                .andExpect(status().isFound()).andReturn();
        String page = created.getResponse().getRedirectedUrl();
        UserType type = userTypes.find(admin, UserTypeId.parse(page.substring(page.lastIndexOf('/') + 1))
                .orElseThrow()).orElseThrow();
        assertThat(PortalModule.values()).allSatisfy(m -> assertThat(type.rights().of(m).grantsView()).isFalse());

        mvc.perform(get(page).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("User type: Accounting")))
                .andExpect(content().string(containsString("aria-label=\"View of Invoices\"")))
                .andExpect(content().string(containsString("aria-label=\"Create: Tickets\"")))
                .andExpect(content().string(containsString("<legend>Contacts</legend>")))
                .andExpect(content().string(containsString("Mandatory: it cannot be hidden.")));

        Map<String, String> form = form(type);
        form.put("name", "Accounts payable");
        form.put("view-INVOICES", "ACCOUNT");
        form.put("view-TICKETS", "OWN");
        form.put("CREATE-TICKETS", "true");
        form.put("EDIT_OWN-TICKETS", "true");
        form.put("view-EVENTS", "ACCOUNT");
        form.put("eventDescriptions", "true");
        form.put("field-INVOICES-TERMS", "HIDDEN");
        form.put("field-TICKETS-PRIORITY", "EDITABLE");
        mvc.perform(post(page).with(user(admin)).with(csrf()).params(params(form)))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("saved", "Accounts payable"));

        UserType saved = userTypes.find(admin, type.id()).orElseThrow();
        Rights rights = saved.rights();
        assertThat(saved.name()).isEqualTo("Accounts payable");
        assertThat(saved.version()).isEqualTo(type.version() + 1);
        assertThat(rights.of(PortalModule.INVOICES).viewScope()).isEqualTo(ViewScope.ACCOUNT);
        assertThat(rights.of(PortalModule.TICKETS).viewScope()).isEqualTo(ViewScope.OWN);
        assertThat(rights.of(PortalModule.TICKETS).actions())
                .containsExactlyInAnyOrder(PortalAction.CREATE, PortalAction.EDIT_OWN);
        assertThat(rights.eventDescriptions()).isTrue();
        assertThat(rights.of(PortalField.INVOICE_TERMS)).isEqualTo(FieldAccess.HIDDEN);
        assertThat(rights.of(PortalField.TICKET_PRIORITY)).isEqualTo(FieldAccess.EDITABLE);
        assertThat(rights.of(PortalField.CONTACT_PHONE)).as("untouched fields keep their default")
                .isEqualTo(FieldAccess.READ_ONLY);
        mvc.perform(get(page).with(user(admin)))
                .andExpect(content().string(containsString("Rights: Tickets")))
                .andExpect(content().string(containsString("Field: Invoices \u203a Terms")));
    }

    @Test
    void aMandatoryFieldCannotBeHiddenAndTheScreenSaysWhyChangingNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        UserType type = userTypes.create(admin, portal(admin).id(), "Strict " + System.nanoTime());
        Map<String, String> form = form(type);
        form.put("view-CONTACTS", "OWN");
        form.put("field-CONTACTS-EMAIL", "HIDDEN");
        form.put("field-INVOICES-TOTAL", "EDITABLE");
        form.put("name", "Renamed meanwhile");
        mvc.perform(post(path(type)).with(user(admin)).with(csrf()).params(params(form)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("problems", Map.of(
                        "field-CONTACTS-EMAIL", "portal.rights.error.mandatoryHidden",
                        "field-INVOICES-TOTAL", "portal.rights.error.notEditable")))
                .andExpect(content().string(containsString(
                        "Contacts \u203a E-mail address: This field is mandatory and cannot be hidden.")))
                .andExpect(content().string(containsString("href=\"#field-CONTACTS-EMAIL\"")))
                .andExpect(content().string(containsString("id=\"field-CONTACTS-EMAIL-error\"")))
                .andExpect(content().string(containsString("value=\"Renamed meanwhile\"")));
        UserType after = userTypes.find(admin, type.id()).orElseThrow();
        assertThat(after.version()).as("nothing saved").isEqualTo(type.version());
        assertThat(after.name()).isEqualTo(type.name());
        assertThat(after.rights().of(PortalModule.CONTACTS).viewScope()).isEqualTo(ViewScope.NONE);
    }

    @Test
    void actionsNeedAViewMakeSenseForTheirModuleAndCloningNeedsCreate() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        UserType type = userTypes.create(admin, portal(admin).id(), "Careless " + System.nanoTime());
        Map<String, String> form = form(type);
        form.put("view-TASKS", "NONE");
        form.put("EDIT_OWN-TASKS", "true");
        form.put("view-INVOICES", "ACCOUNT");
        form.put("CREATE-INVOICES", "true");
        form.put("view-PROJECTS", "ACCOUNT");
        form.put("CLONE-PROJECTS", "true");
        form.put("view-ORDERS", "EVERYTHING");
        form.put("name", "");
        mvc.perform(post(path(type)).with(user(admin)).with(csrf()).params(params(form)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("problems", Map.of(
                        "name", "portal.userType.error.name",
                        "view-ORDERS", "portal.rights.error.view",
                        "view-TASKS", "portal.rights.error.actionWithoutView",
                        "CREATE-INVOICES", "portal.rights.error.notApplicable",
                        "CLONE-PROJECTS", "portal.rights.error.cloneNeedsCreate")));
        assertThat(userTypes.find(admin, type.id()).orElseThrow().version()).isEqualTo(type.version());
    }

    @Test
    void aStaleRightsSaveShowsTheStoredRightsKeepsTheChoicesAndASecondSaveApplies() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        UserType type = userTypes.create(admin, portal(admin).id(), "Shared " + System.nanoTime());
        Map<String, String> theirs = form(type);
        theirs.put("view-QUOTES", "ACCOUNT");
        UserType changed = userTypes.save(admin, type.id(), type.version(), type.name(), rights(theirs));

        Map<String, String> mine = form(type);
        mine.put("view-TICKETS", "ACCOUNT");
        mine.put("CREATE-TICKETS", "true");
        mvc.perform(post(path(type)).with(user(admin)).with(csrf()).params(params(mine)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + changed.version() + "\"")))
                .andExpect(result -> assertThat(input(result.getResponse().getContentAsString(), "CREATE-TICKETS"))
                        .as("my choice is kept").contains("checked"));
        assertThat(userTypes.find(admin, type.id()).orElseThrow().rights().of(PortalModule.TICKETS).grantsView())
                .isFalse();

        mine.put("version", String.valueOf(changed.version()));
        mvc.perform(post(path(type)).with(user(admin)).with(csrf()).params(params(mine)))
                .andExpect(status().isFound());
        Rights now = userTypes.find(admin, type.id()).orElseThrow().rights();
        assertThat(now.of(PortalModule.TICKETS).canCreate()).isTrue();
        assertThat(now.of(PortalModule.QUOTES).grantsView()).as("re-applied over the stored version").isFalse();
    }

    @Test
    void deletingAUserTypeMovesItsUsersToAnotherTypeOfTheSamePortalInOneStep() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        UserType leaving = userTypes.create(admin, portal.id(), "Leaving");
        UserTypeId staying = userTypes.list(admin, portal.id()).stream().filter(t -> t.name().equals("Full access"))
                .findFirst().orElseThrow().id();
        UserTypeId elsewhere = userTypes.list(admin, portal(admin).id()).getFirst().id();
        Company company = aCompany().createdBy(companies, admin);
        PortalUser ann = aPortalUser().of(aContact().at(company.id()).createdBy(contacts, admin).id())
                .in(portal.id(), leaving.id()).createdBy(portalUsers, jdbc, admin);
        PortalUser bob = aPortalUser().of(aContact().at(company.id()).createdBy(contacts, admin).id())
                .in(portal.id(), leaving.id()).createdBy(portalUsers, jdbc, admin);

        mvc.perform(get(path(leaving)).with(user(admin)))
                .andExpect(content().string(containsString("2 portal users have this type.")));
        mvc.perform(post(path(leaving) + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(leaving.version())).param("transferTo", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose the user type its users move to")));
        mvc.perform(post(path(leaving) + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(leaving.version())).param("transferTo", elsewhere.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose another user type of the same portal")));
        assertThat(userTypes.find(admin, leaving.id())).as("refusals change nothing").isPresent();
        assertThat(portalUsers.find(admin, ann.id()).orElseThrow().userTypeId()).isEqualTo(leaving.id());

        mvc.perform(post(path(leaving) + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(leaving.version())).param("transferTo", staying.toString()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/settings/portals/" + portal.id()))
                .andExpect(flash().attribute("typeDeletedMoved", 2));
        assertThat(userTypes.find(admin, leaving.id())).isEmpty();
        for (PortalUser moved : new PortalUser[] {ann, bob}) {
            PortalUser now = portalUsers.find(admin, moved.id()).orElseThrow();
            assertThat(now.userTypeId()).isEqualTo(staying);
            assertThat(now.version()).isEqualTo(moved.version() + 1);
        }
        assertThat(jdbc.sql("select count(*) from record_change where record_type = 'portal_user' and record_id = :id"
                + " and changes::text like '%Leaving%'").param("id", ann.id().value()).query(Long.class).single())
                .as("each moved user's history says so").isEqualTo(1);
    }

    @Test
    void aTypeWithoutUsersIsDeletedAtOnceButAPortalKeepsItsLastType() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        for (UserTypeSummary type : userTypes.list(admin, portal.id())) {
            UserType loaded = userTypes.find(admin, type.id()).orElseThrow();
            mvc.perform(post(path(loaded) + "/delete").with(user(admin)).with(csrf())
                    .param("version", String.valueOf(loaded.version())));
        }
        assertThat(userTypes.list(admin, portal.id())).hasSize(1);
        UserType last = userTypes.find(admin, userTypes.list(admin, portal.id()).getFirst().id()).orElseThrow();
        mvc.perform(post(path(last) + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(last.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A portal keeps at least one user type")));
    }

    @Test
    void userTypeNamesAreUniqueWithinAPortal() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        mvc.perform(post("/settings/portals/" + portal.id() + "/user-types").with(user(admin)).with(csrf())
                        .param("name", "full ACCESS"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("typeForm", "name", "portal.userType.error.nameTaken"));
        mvc.perform(post("/settings/portals/" + portal.id() + "/user-types").with(user(admin)).with(csrf())
                        .param("name", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a name of 1 to 100 characters.")));
        assertThat(userTypes.list(admin, portal.id())).hasSize(2);
        userTypes.create(admin, portal.id(), "Auditors");
        assertThat(userTypes.create(admin, portal(admin).id(), "Auditors").name())
                .as("another portal may use the same name").isEqualTo("Auditors");
    }

    private static String input(String html, String id) {
        var matcher = java.util.regex.Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(matcher.find()).as("input " + id).isTrue();
        return matcher.group();
    }

    private Portal portal(StaffPrincipal admin) {
        return portals.create(admin, new PortalDetails("Types " + System.nanoTime(), null, Audience.CUSTOMERS, true,
                null));
    }

    private static String path(UserType type) {
        return "/settings/portals/" + type.portalId() + "/user-types/" + type.id();
    }

    /** The rights screen as the browser posts it for the type as stored. */
    private static Map<String, String> form(UserType type) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", type.name());
        form.put("version", String.valueOf(type.version()));
        Rights rights = type.rights();
        if (rights.eventDescriptions()) {
            form.put("eventDescriptions", "true");
        }
        for (PortalModule module : PortalModule.values()) {
            form.put(Rights.viewField(module), rights.of(module).viewScope().name());
            rights.of(module).actions().forEach(a -> form.put(Rights.actionField(a, module), "true"));
        }
        rights.fields().forEach((field, access) -> form.put(Rights.fieldField(field), access.name()));
        return form;
    }

    private static Rights rights(Map<String, String> form) {
        Map<PortalModule, ModuleRight> modules = new java.util.EnumMap<>(PortalModule.class);
        for (PortalModule module : PortalModule.values()) {
            java.util.Set<PortalAction> actions = java.util.EnumSet.noneOf(PortalAction.class);
            for (PortalAction action : PortalAction.values()) {
                if (form.containsKey(Rights.actionField(action, module))) {
                    actions.add(action);
                }
            }
            modules.put(module, ModuleRight.of(module, ViewScope.valueOf(form.get(Rights.viewField(module))), actions));
        }
        return new Rights(modules, Map.of(), form.containsKey("eventDescriptions"));
    }

    private static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> form) {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.forEach(params::add);
        return params;
    }
}
