package dev.foyer.accounts;

import java.util.EnumMap;
import java.util.Map;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactDetails;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.portal.UserTypes;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * EXP-6: a portal user's own contact details on their profile, per their user type's field rights
 * (PRT-4) — hidden not shown, read-only as text, editable as an input — with posted hidden and
 * read-only values ignored, the sign-in e-mail unchanged, stale edits (a staff edit in between)
 * and bad input refused with a clear message and nothing changed (ACC-12), and the contact's
 * history naming the portal user.
 */
@FoyerWebTest
class PortalProfileWebTest {

    static final String P = "/p/customer-portal";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Companies companies;
    @Autowired Contacts contacts;
    @Autowired PortalUsers portalUsers;
    @Autowired UserTypes userTypes;

    final String tag = Long.toString(System.nanoTime(), 36);
    StaffPrincipal admin;
    Company company;

    @BeforeEach
    void setUp() {
        admin = Admins.testAdmin(jdbc);
        company = aCompany().named("Profile Co " + tag).createdBy(companies, admin);
    }

    @Test
    void editableFieldsAreSavedWhileHiddenAndReadOnlyOnesAreIgnoredAndTheSignInEmailStays() throws Exception {
        PortalUser user = user(Map.of(PortalField.CONTACT_FIRST_NAME, FieldAccess.EDITABLE,
                PortalField.CONTACT_LAST_NAME, FieldAccess.EDITABLE, PortalField.CONTACT_EMAIL, FieldAccess.EDITABLE,
                PortalField.CONTACT_PHONE, FieldAccess.HIDDEN, PortalField.CONTACT_TITLE, FieldAccess.READ_ONLY), false);
        String page = page(user);
        assertThat(page).contains("id=\"contact-details\"").contains("id=\"preferences\"").contains("id=\"security\"")
                .contains("name=\"firstName\"").contains("value=\"Rita\"").contains("name=\"email\"")
                .doesNotContain("+49 30 1234-" + tag).doesNotContain(">Phone<").doesNotContain("name=\"phone\"")
                .contains("Head of IT " + tag).doesNotContain("name=\"title\"")
                .contains("You keep signing in with account-" + tag + "@acme.example");

        MvcResult result = mvc.perform(post(P + "/profile/contact").with(as(user)).with(csrf())
                .param("version", String.valueOf(contact(user).version()))
                .param("firstName", "Rita-Maria").param("lastName", "Profil").param("email", "rita.new-" + tag + "@acme.example")
                .param("phone", "999").param("title", "Boss")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("notice")).isEqualTo("portal.contact.saved");

        ContactDetails saved = contact(user).details();
        assertThat(saved.firstName()).isEqualTo("Rita-Maria");
        assertThat(saved.lastName()).isEqualTo("Profil");
        assertThat(saved.email()).isEqualTo("rita.new-" + tag + "@acme.example");
        assertThat(saved.phone()).isEqualTo("+49 30 1234-" + tag);
        assertThat(saved.title()).isEqualTo("Head of IT " + tag);
        assertThat(saved.company()).isEqualTo(company.id());
        assertThat(jdbc.sql("select email from portal_account where portal_user_id = :id").param("id", user.id().value())
                .query(String.class).single()).isEqualTo("account-" + tag + "@acme.example");
        var history = jdbc.sql("""
                        select author_id, author_name, via from record_change
                        where record_type = 'contact' and record_id = :id and action = 'UPDATED'
                        order by changed_at desc, id desc limit 1""")
                .param("id", user.contactId().value()).query().singleRow();
        assertThat(history.get("author_id")).isNull();
        assertThat(history.get("author_name")).isEqualTo("Rita Profile");
        assertThat(history.get("via")).isEqualTo("portal");
    }

    @Test
    void aStaffEditInBetweenMakesTheEditStaleWithAClearMessageAndNothingChanged() throws Exception {
        PortalUser user = user(Map.of(PortalField.CONTACT_FIRST_NAME, FieldAccess.EDITABLE,
                PortalField.CONTACT_PHONE, FieldAccess.EDITABLE), false);
        long seen = contact(user).version();
        Contact before = contact(user);
        ContactDetails d = before.details();
        contacts.update(admin, before.id(), before.version(), new ContactDetails(d.firstName(), d.lastName(), d.email(),
                "+49 40 555-" + tag, d.title(), d.company(), d.consent(), d.locked(), d.externalRef(), d.language()));

        MvcResult result = mvc.perform(post(P + "/profile/contact").with(as(user)).with(csrf())
                .param("version", String.valueOf(seen)).param("firstName", "Stale").param("phone", "1")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        String shown = result.getResponse().getContentAsString();
        assertThat(contact(user).firstName()).isEqualTo("Rita");
        assertThat(contact(user).phone()).isEqualTo("+49 40 555-" + tag);
        assertThat(shown).contains("changed by someone else meanwhile").contains("+49 40 555-" + tag);
    }

    @Test
    void badInputIsShownNextToItsFieldWithTheTypedValuesAndChangesNothing() throws Exception {
        PortalUser user = user(Map.of(PortalField.CONTACT_FIRST_NAME, FieldAccess.EDITABLE,
                PortalField.CONTACT_EMAIL, FieldAccess.EDITABLE), false);
        long version = contact(user).version();
        MvcResult result = mvc.perform(post(P + "/profile/contact").with(as(user)).with(csrf())
                .param("version", String.valueOf(version)).param("firstName", " ").param("email", "not-an-address"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString()).contains("Enter a first name of 1 to 100 characters.")
                .contains("Enter an e-mail address like name@example.com.").contains("value=\"not-an-address\"")
                .contains("aria-invalid=\"true\"");
        assertThat(contact(user).version()).isEqualTo(version);
        assertThat(contact(user).firstName()).isEqualTo("Rita");
    }

    @Test
    void withNothingEditableTheDetailsAreTextAndAPostIsRefusedChangingNothing() throws Exception {
        PortalUser user = user(Map.of(), false); // every field read-only until an admin says otherwise (PRT-4)
        String page = page(user);
        assertThat(page).contains("Rita").contains("Head of IT " + tag).contains("+49 30 1234-" + tag)
                .doesNotContain("name=\"firstName\"").doesNotContain("Save contact details")
                .contains("Ask us if any of these details need to change.");
        long version = contact(user).version();
        MvcResult result = mvc.perform(post(P + "/profile/contact").with(as(user)).with(csrf())
                .param("version", String.valueOf(version)).param("firstName", "Hacked")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString()).contains("cannot be changed here");
        assertThat(contact(user).firstName()).isEqualTo("Rita");
        assertThat(contact(user).version()).isEqualTo(version);
    }

    @Test
    void aLockedContactIsReadOnlyWhateverTheRights() throws Exception {
        PortalUser user = user(Map.of(PortalField.CONTACT_FIRST_NAME, FieldAccess.EDITABLE), true);
        assertThat(page(user)).doesNotContain("name=\"firstName\"").contains("These details are locked.");
        MvcResult result = mvc.perform(post(P + "/profile/contact").with(as(user)).with(csrf())
                .param("version", String.valueOf(contact(user).version())).param("firstName", "Hacked")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(contact(user).firstName()).isEqualTo("Rita");
    }

    @Test
    void aDeactivatedUsersPostChangesNothing() throws Exception {
        PortalUser user = user(Map.of(PortalField.CONTACT_FIRST_NAME, FieldAccess.EDITABLE), false);
        long version = contact(user).version();
        jdbc.sql("update portal_user set status = 'INACTIVE' where id = :id").param("id", user.id().value()).update();
        mvc.perform(post(P + "/profile/contact").with(as(user)).with(csrf())
                .param("version", String.valueOf(version)).param("firstName", "Hacked")).andReturn();
        assertThat(contact(user).firstName()).isEqualTo("Rita");
        assertThat(contact(user).version()).isEqualTo(version);
    }

    private PortalUser user(Map<PortalField, FieldAccess> contactFields, boolean locked) {
        var portal = customerPortal(jdbc);
        UserType type = userTypes.create(admin, portal, "Profile " + tag + " " + System.nanoTime());
        Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
        fields.putAll(contactFields);
        type = userTypes.save(admin, type.id(), type.version(), type.name(), new Rights(Map.of(), fields, false));
        var builder = aContact().named("Rita", "Profile").at(company.id()).withEmail("rita-" + tag + "@acme.example");
        Contact contact = builder.createdBy(contacts, admin);
        ContactDetails d = contact.details();
        contact = contacts.update(admin, contact.id(), contact.version(), new ContactDetails(d.firstName(), d.lastName(),
                d.email(), "+49 30 1234-" + tag, "Head of IT " + tag, d.company(), d.consent(), locked, null, null));
        PortalUser user = aPortalUser().of(contact.id()).in(portal, type.id()).withStatus(PortalUserStatus.ACTIVE)
                .createdBy(portalUsers, jdbc, admin);
        jdbc.sql("""
                        insert into portal_account (portal_user_id, portal_id, email, password_hash, language, time_zone,
                                                    time_format, country, version, created_at, updated_at)
                        values (:user, :portal, :email, 'not-a-hash', 'en', 'UTC', 'H24', 'GB', 0, now(), now())""")
                .param("user", user.id().value()).param("portal", portal.value())
                .param("email", "account-" + tag + "@acme.example").update();
        return user;
    }

    private Contact contact(PortalUser user) {
        return contacts.findForOwnProfile(user.contactId()).orElseThrow();
    }

    private String page(PortalUser user) throws Exception {
        MockHttpServletRequestBuilder request = get(P + "/profile").with(as(user));
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static RequestPostProcessor as(PortalUser user) {
        PortalPrincipal principal = new PortalPrincipal(user.id(), user.portalId(), "account@acme.example", "Rita Profile");
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                AuthorityUtils.createAuthorityList(PortalPrincipal.AUTHORITY)));
    }
}
