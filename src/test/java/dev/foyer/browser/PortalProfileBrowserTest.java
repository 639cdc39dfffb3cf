package dev.foyer.browser;

import java.util.EnumMap;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contact;
import dev.foyer.directory.ContactDetails;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.FieldAccess;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.Rights;
import dev.foyer.portal.UserType;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.PortalBuilders.customerPortal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXP-6 and issue 7 item 11 in a real browser (English, en-GB): a portal user edits their own
 * contact details on the sectioned profile (name and phone editable, job title read-only per the
 * field rights; the top bar shows the new name), then switches their language to German and the portal speaks German from the next page
 * on, though the browser still asks for English. axe on every page; screenshots 185–188.
 */
@FoyerFullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalProfileBrowserTest extends PortalBrowserSupport {

    @Test
    void aPortalUserEditsTheirContactDetailsAndSwitchesThePortalToGerman() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        String tag = Long.toString(System.nanoTime(), 36);
        String email = "greta-" + tag + "@acme.example";
        Company company = aCompany().named("Acme " + tag).createdBy(companies, admin);
        var portal = customerPortal(jdbc);
        UserType type = userTypes.create(admin, portal, "Profile browser " + tag);
        Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
        fields.put(PortalField.CONTACT_FIRST_NAME, FieldAccess.EDITABLE);
        fields.put(PortalField.CONTACT_LAST_NAME, FieldAccess.EDITABLE);
        fields.put(PortalField.CONTACT_EMAIL, FieldAccess.EDITABLE);
        fields.put(PortalField.CONTACT_PHONE, FieldAccess.EDITABLE);
        fields.put(PortalField.CONTACT_TITLE, FieldAccess.READ_ONLY);
        userTypes.save(admin, type.id(), type.version(), type.name(), new Rights(Map.of(), fields, false));
        Contact contact = aContact().named("Greta", "Gruber").at(company.id()).withEmail(email).createdBy(contacts, admin);
        ContactDetails d = contact.details();
        contacts.update(admin, contact.id(), contact.version(), new ContactDetails(d.firstName(), d.lastName(), d.email(),
                "+49 30 1234567", "Head of Purchasing", d.company(), d.consent(), d.locked(), null, "en"));
        PortalUser user = aPortalUser().of(contact.id()).in(portal, type.id()).withStatus(PortalUserStatus.AWAITING)
                .createdBy(portalUsers, jdbc, admin);
        acceptInvitation(admin, user.id(), email);

        String base = portalBase();
        Page page = portalSignIn(chromium.newDesktopPage(), base, email);
        page.navigate(base + "/profile");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contact details"))).isVisible();
        assertThat(page.getByText("Head of Purchasing")).isVisible();
        assertThat(page.getByLabel("Job title")).hasCount(0);
        page.getByLabel("First name").fill("Margareta");
        page.getByLabel("Phone").fill("+49 30 7654321");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save contact details")).click();
        assertThat(page.getByText("Your contact details were saved.")).isVisible();
        assertThat(page.getByLabel("Phone")).hasValue("+49 30 7654321");
        assertThat(page.locator(".usermenu a")).hasText("Margareta Gruber");
        checked(page, "185-portal-profile-en");

        page.getByLabel("Language").selectOption("de");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preferences")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ihr Profil"))).isVisible();
        assertThat(page.getByText("Ihre Einstellungen wurden gespeichert.")).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.getByLabel("Telefon")).hasValue("+49 30 7654321");
        checked(page, "186-portal-profile-de");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Übersicht")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Willkommen, Margareta Gruber")))
                .isVisible();
        checked(page, "187-portal-dashboard-de");

        Page phone = portalSignIn(chromium.newPhonePage(), base, email);
        phone.navigate(base + "/profile");
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kontaktdaten"))).isVisible();
        checked(phone, "188-portal-profile-de-phone");
    }
}
