package dev.foyer.accounts;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.Contacts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.mail.MailDelivery;
import dev.foyer.organization.Organization;
import dev.foyer.organization.OrganizationProfile;
import dev.foyer.organization.Organizations;
import dev.foyer.portal.Invitations;
import dev.foyer.portal.MembershipKind;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUserStatus;
import dev.foyer.portal.PortalUsers;
import dev.foyer.projects.Project;
import dev.foyer.projects.Projects;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerFullStackTest;
import dev.foyer.test.PortalMailbox;
import dev.foyer.test.WebUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.foyer.test.DirectoryBuilders.aCompany;
import static dev.foyer.test.DirectoryBuilders.aContact;
import static dev.foyer.test.PortalBuilders.aPortalUser;
import static dev.foyer.test.ProjectBuilders.aProject;
import static dev.foyer.test.WebUser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 item 3 (LIF-2, LIF-5, LIF-7): portal e-mails speak the account's chosen language, else
 * the contact's, else the organization's default. Checked on the outbox rows (subject and body as
 * rendered); shares the context of {@link PortalAccountsTest}.
 */
@FoyerFullStackTest
class MailLanguageTest extends PortalMailbox {

    static final String SLUG = "customer-portal";
    static final String PASSWORD = "a long portal passphrase 42";

    @LocalServerPort
    int port;
    @Autowired
    Invitations invitations;
    @Autowired
    PortalUsers portalUsers;
    @Autowired
    PortalMemberships memberships;
    @Autowired
    Companies companies;
    @Autowired
    Contacts contacts;
    @Autowired
    Projects projects;
    @Autowired
    Organizations organizations;
    @Autowired
    MailDelivery delivery;
    @Autowired
    JdbcClient jdbc;

    StaffPrincipal admin;
    Company company;

    @BeforeEach
    void setUp() {
        admin = Admins.testAdmin(jdbc);
        company = aCompany().createdBy(companies, admin);
    }

    @Test
    void anInvitationToAContactWhoSpeaksGermanIsInGermanSubjectAndBody() {
        String email = newEmail();
        invite(email, "de");

        Mail mail = lastMail(email, Invitations.MAIL_PURPOSE);
        assertThat(mail.subject()).isEqualTo("Ihre Einladung zu Customer portal");
        assertThat(mail.text()).contains("Hallo Gert Deutsch").contains("Legen Sie hier Ihr Passwort fest")
                .doesNotContain("Set your password");
        assertThat(mail.html()).contains("lang=\"de\"").contains("Einladung annehmen").contains("Hallo Gert Deutsch");
    }

    @Test
    void anInvitationToAContactWithoutLanguageSpeaksTheOrganizationsDefault() {
        String english = newEmail();
        invite(english, null);
        assertThat(lastMail(english, Invitations.MAIL_PURPOSE).subject()).isEqualTo("Your invitation to Customer portal");

        // The organization switches to German: the same kind of contact now gets German.
        Organization before = organizations.fresh().orElseThrow();
        OrganizationProfile p = before.profile();
        Organization german = organizations.update(admin, before.version(), new OrganizationProfile(p.name(),
                p.internalDomains(), "de", p.timeZone(), p.timeFormat(), p.country()));
        try {
            String email = newEmail();
            invite(email, null);
            assertThat(lastMail(email, Invitations.MAIL_PURPOSE).subject()).isEqualTo("Ihre Einladung zu Customer portal");
            // An English-speaking contact keeps English although the organization says German.
            String contactSaysEnglish = newEmail();
            invite(contactSaysEnglish, "en");
            assertThat(lastMail(contactSaysEnglish, Invitations.MAIL_PURPOSE).subject())
                    .isEqualTo("Your invitation to Customer portal");
        } finally {
            organizations.update(admin, german.version(), p);
        }
    }

    @Test
    void acceptingStartsTheAccountInTheContactsLanguageAndResetMailsSpeakIt() {
        String email = newEmail();
        PortalUser user = invite(email, "de");
        WebUser browser = accept(email);

        assertThat(accountLanguage(user)).as("the account starts in the contact's language").isEqualTo("de");
        HttpResponse<String> welcome = browser.get("/p/" + SLUG + "/welcome");
        assertThat(welcome.body()).as("the welcome step proposes it")
                .containsPattern("<option value=\"de\"[^>]*selected");

        WebUser other = new WebUser(port);
        other.get("/p/" + SLUG + "/password-reset");
        other.post("/p/" + SLUG + "/password-reset", Map.of("email", email));
        Mail reset = lastMail(email, "password-reset");
        assertThat(reset.subject()).isEqualTo("Neues Passwort f\u00fcr Customer portal festlegen");
        assertThat(reset.text()).contains("Hallo Gert Deutsch");
    }

    @Test
    void anAcceptedUserWhoChoseEnglishGetsEnglishMembershipMailsThoughTheContactSaysGerman() {
        String email = newEmail();
        PortalUser user = invite(email, "de");
        WebUser browser = accept(email);
        String version = value(browser.get("/p/" + SLUG + "/welcome").body(), "version");
        assertThat(location(browser.post("/p/" + SLUG + "/profile/preferences", Map.of("version", version,
                "welcome", "true", "language", "en", "timeZone", "Europe/Berlin", "timeFormat", "H24",
                "country", "DE")))).endsWith("/p/" + SLUG + "/");
        assertThat(accountLanguage(user)).isEqualTo("en");

        Project project = aProject().named("Roof").of(company.id()).createdBy(projects, admin);
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), user.id());

        Mail mail = lastMail(email, "portal-membership");
        assertThat(mail.subject()).isEqualTo("You were added to Roof");
        assertThat(mail.text()).contains("Hello Gert Deutsch").contains("added you to the project");
    }

    @Test
    void anActiveUserWhoKeptTheContactsGermanGetsGermanMembershipMails() {
        String email = newEmail();
        PortalUser user = invite(email, "de");
        accept(email);

        Project project = aProject().named("Dach").of(company.id()).createdBy(projects, admin);
        memberships.add(admin, MembershipKind.PROJECT, project.id().value(), user.id());

        Mail mail = lastMail(email, "portal-membership");
        assertThat(mail.subject()).isEqualTo("Sie wurden zu Dach hinzugef\u00fcgt");
        assertThat(mail.text()).contains("zum Projekt \u201eDach\u201c hinzugef\u00fcgt");
    }

    // --- helpers ---

    private PortalUser invite(String email, String language) {
        PortalUser user = aPortalUser().of(aContact().named("Gert", "Deutsch").speaking(language).at(company.id())
                .withEmail(email).createdBy(contacts, admin).id()).withStatus(PortalUserStatus.AWAITING)
                .createdBy(portalUsers, jdbc, admin);
        invitations.send(admin, user.id());
        return user;
    }

    /** Follows the invitation link GreenMail received and sets the password; answers the signed-in browser. */
    private WebUser accept(String email) {
        delivery.runOnce();
        String path = URI.create(portalLink(messagesTo(email).getLast())).getPath();
        WebUser browser = new WebUser(port);
        browser.get(path);
        assertThat(location(browser.post(path, Map.of("password", PASSWORD, "confirmation", PASSWORD))))
                .endsWith("/welcome");
        return browser;
    }

    private String accountLanguage(PortalUser user) {
        return jdbc.sql("select language from portal_account where portal_user_id = :u").param("u", user.id().value())
                .query(String.class).single();
    }

    private Mail lastMail(String email, String purpose) {
        return jdbc.sql("""
                        select subject, text_body, html_body from mail_outbox
                        where recipient_address = :a and purpose = :p order by created_at desc, id limit 1""")
                .param("a", email).param("p", purpose)
                .query((rs, n) -> new Mail(rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body")))
                .single();
    }

    private static String newEmail() {
        return "lang-" + UUID.randomUUID() + "@customer.example";
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("No field " + name);
        }
        return m.group(1);
    }

    private record Mail(String subject, String text, String html) {
    }
}
