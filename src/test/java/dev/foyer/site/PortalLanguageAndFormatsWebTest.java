package dev.foyer.site;

import java.time.LocalDate;
import java.util.Locale;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Contacts;
import dev.foyer.files.FileTypes;
import dev.foyer.files.StoredFiles;
import dev.foyer.finance.DocumentStatus;
import dev.foyer.finance.FinanceDocument;
import dev.foyer.finance.FinanceDocuments;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.portal.PortalMemberships;
import dev.foyer.portal.PortalUser;
import dev.foyer.portal.PortalUsers;
import dev.foyer.portal.UserTypes;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.foyer.test.FinanceBuilders.anInvoice;
import static dev.foyer.test.FinanceBuilders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 7 item 11: a signed-in portal user's pages speak the language of their preferences (LIF-2),
 * whatever the browser asks for, and dates, times and amounts follow their language, country, time
 * zone and 12/24-hour choice; before sign-in the browser's Accept-Language decides. Staff pages keep
 * their own language.
 */
@FoyerWebTest
class PortalLanguageAndFormatsWebTest {

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

    PortalSiteScene s;
    FinanceDocument invoice;

    @BeforeEach
    void scene() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        s = PortalSiteScene.build(admin, jdbc, companies, contacts, portalUsers, memberships, projects, items, tickets,
                ticketComments, finance, fileTypes, files, userTypes);
        FinanceDocument draft = anInvoice().of(s.company.id()).issued(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15))
                .with(line("Relaunch", "1", "1234.50", "0", "0")).createdBy(finance, admin);
        invoice = finance.changeStatus(admin, draft.id(), draft.version(), DocumentStatus.SENT);
    }

    @Test
    void aGermanUserSeesGermanPagesDatesAndAmountsThoughTheBrowserAsksForEnglish() throws Exception {
        account(s.full, "de", "Europe/Berlin", "H24", "DE");
        String list = page(s.full, P + "/finance/invoices", "en-US,en;q=0.9");
        assertThat(list).contains("lang=\"de\"").contains("Rechnungen").contains("Übersicht")
                .contains(invoice.number()).contains("1. November 2026").contains("15. November 2026")
                .contains("1.234,50 €").doesNotContain("Invoices").doesNotContain("Nov 1, 2026");
        String project = page(s.full, P + "/projects/" + s.project.id().value(), "en");
        assertThat(project).contains("Meilensteine").contains("20. Januar 2027, 14:00")
                .contains("2. November 2026").contains("Fällig");
        String profile = page(s.full, P + "/profile", "en");
        assertThat(profile).contains("Ihr Profil").contains("Kontaktdaten").contains("Sicherheit")
                .contains(">Deutsch<").contains(">English<");
    }

    @Test
    void aTwelveHourUserSeesTwelveHourTimesInEnglishWithTheirCountrysNumbers() throws Exception {
        account(s.full, "en", "America/New_York", "H12", "US");
        String project = page(s.full, P + "/projects/" + s.project.id().value(), "de-DE,de;q=0.9");
        assertThat(project).contains("lang=\"en\"").contains("Milestones").contains("January 20, 2027, 2:00 PM")
                .doesNotContain("14:00").doesNotContain("Meilensteine");
        String list = page(s.full, P + "/finance/invoices", "de");
        assertThat(list).contains("November 1, 2026").contains("€1,234.50");
    }

    @Test
    void changingTheLanguagePreferenceChangesTheNextPage() throws Exception {
        account(s.full, "en", "UTC", "H24", "GB");
        assertThat(page(s.full, P + "/", "de")).contains("Overview").doesNotContain("Übersicht");
        jdbc.sql("update portal_account set language = 'de' where portal_user_id = :id").param("id", s.full.id().value())
                .update();
        assertThat(page(s.full, P + "/", "en")).contains("Übersicht");
    }

    @Test
    void beforeSignInTheBrowsersLanguageDecidesAmongEnglishAndGerman() throws Exception {
        assertThat(anonymous(P + "/sign-in", "de-DE,de;q=0.9,en;q=0.5")).contains("lang=\"de\"").contains("Anmelden")
                .contains("Passwort vergessen?");
        assertThat(anonymous(P + "/sign-in", "en-GB")).contains("lang=\"en\"").contains("Sign in")
                .contains("Forgot your password?");
        assertThat(anonymous(P + "/sign-in", "fr-FR")).contains("Sign in");
        assertThat(anonymous(P + "/password-reset", "de")).contains("Link zusenden");
    }

    @Test
    void staffPagesKeepTheirLanguageWhateverTheBrowserAsks() throws Exception {
        MvcResult result = mvc.perform(get("/sign-in").locale(Locale.GERMAN).header("Accept-Language", "de")).andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Anmelden").doesNotContain("lang=\"de\"");
    }

    @Test
    void portalFormatsWriteDatesOutAndPlaceMomentsOnTheUsersClock() {
        PortalFormats german = new PortalFormats("de", "DE", dev.foyer.organization.TimeFormat.H24, "Europe/Berlin");
        assertThat(german.date(LocalDate.of(2026, 11, 1))).isEqualTo("1. November 2026");
        assertThat(german.money(new java.math.BigDecimal("1234.50"), "EUR").replace('\u00a0', ' ')).isEqualTo("1.234,50 €");
        assertThat(german.moment(java.time.Instant.parse("2026-07-01T12:30:00Z"))).isEqualTo("1. Juli 2026, 14:30");
        PortalFormats american = new PortalFormats("en", "US", dev.foyer.organization.TimeFormat.H12, "America/New_York");
        assertThat(american.moment(java.time.Instant.parse("2026-07-01T12:30:00Z"))).isEqualTo("July 1, 2026, 8:30 AM");
        assertThat(american.momentTime(java.time.Instant.parse("2026-07-01T20:05:00Z"))).isEqualTo("4:05 PM");
        assertThat(american.money(new java.math.BigDecimal("1234.5"), "EUR")).isEqualTo("€1,234.50");
        assertThat(new PortalFormats("de", "DE", dev.foyer.organization.TimeFormat.H24, "Nowhere/Else").zone())
                .isEqualTo(java.time.ZoneId.of("UTC"));
    }

    private void account(PortalUser user, String language, String zone, String timeFormat, String country) {
        jdbc.sql("""
                        insert into portal_account (portal_user_id, portal_id, email, password_hash, language, time_zone,
                                                    time_format, country, version, created_at, updated_at)
                        values (:user, :portal, :email, 'not-a-hash', :language, :zone, :format, :country, 0, now(), now())""")
                .param("user", user.id().value()).param("portal", user.portalId().value())
                .param("email", "account-" + s.tag + "@acme.example").param("language", language).param("zone", zone)
                .param("format", timeFormat).param("country", country).update();
    }

    private String page(PortalUser user, String path, String acceptLanguage) throws Exception {
        MvcResult result = mvc.perform(get(path).header("Accept-Language", acceptLanguage).with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString().replace('\u00a0', ' ');
    }

    private String anonymous(String path, String acceptLanguage) throws Exception {
        MvcResult result = mvc.perform(get(path).header("Accept-Language", acceptLanguage)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static RequestPostProcessor as(PortalUser user) {
        PortalPrincipal principal = new PortalPrincipal(user.id(), user.portalId(), "user@acme.example", "Portal user");
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                AuthorityUtils.createAuthorityList(PortalPrincipal.AUTHORITY)));
    }
}
