package dev.foyer.portal;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.pdf.PdfTemplate;
import dev.foyer.pdf.PdfTemplateDraft;
import dev.foyer.pdf.PdfTemplates;
import dev.foyer.pdf.PrintKind;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * PRT-6: each portal chooses its default PDF template per kind of financial document among the
 * templates not marked internal use only; a forged choice is refused and changes nothing; without
 * a choice the kind's default is used; and a template a portal uses can be neither marked internal
 * use only nor deleted (the refusal names the portal).
 */
@FoyerWebTest
class PortalPdfTemplatesWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Portals portals;
    @Autowired
    PortalPdfTemplates portalTemplates;
    @Autowired
    PdfTemplates templates;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void withoutAChoiceAPortalPrintsWithTheKindsDefaultTemplate() {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        for (PrintKind kind : PrintKind.values()) {
            assertThat(portalTemplates.templateFor(portal.id(), kind))
                    .isEqualTo(templates.defaultFor(admin, kind).orElseThrow().id());
        }
    }

    @Test
    void anAdminChoosesAPortalsDefaultAmongTemplatesNotForInternalUseAndTheHistorySaysSo() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        PdfTemplate forCustomers = copy(admin, PrintKind.INVOICE, false);
        PdfTemplate internal = copy(admin, PrintKind.INVOICE, true);

        mvc.perform(get("/settings/portals/" + portal.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Default PDF templates")))
                .andExpect(content().string(containsString("/settings/portals/" + portal.id() + "/pdf-templates")));
        mvc.perform(get("/settings/portals/" + portal.id() + "/pdf-templates").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + forCustomers.id() + "\"")))
                .andExpect(content().string(not(containsString(internal.id().toString()))));

        mvc.perform(save(admin, portal, forCustomers.id().toString()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/settings/portals/" + portal.id() + "/pdf-templates"));

        assertThat(portalTemplates.templateFor(portal.id(), PrintKind.INVOICE)).isEqualTo(forCustomers.id());
        assertThat(portalTemplates.templateFor(portal.id(), PrintKind.QUOTE))
                .isEqualTo(templates.defaultFor(admin, PrintKind.QUOTE).orElseThrow().id());
        // Another portal's choice is its own.
        assertThat(portalTemplates.templateFor(portal(admin).id(), PrintKind.INVOICE))
                .isEqualTo(templates.defaultFor(admin, PrintKind.INVOICE).orElseThrow().id());
        mvc.perform(get("/settings/portals/" + portal.id()).with(user(admin)))
                .andExpect(content().string(containsString("Default PDF template for invoices")))
                .andExpect(content().string(containsString(forCustomers.name())));
        assertThat(jdbc.sql("select count(*) from record_change where record_type = 'portal' and record_id = :id"
                        + " and changes::text like '%pdfTemplateINVOICE%'").param("id", portal.id().value())
                .query(Long.class).single()).isEqualTo(1);

        // Back to the kind's default.
        mvc.perform(post("/settings/portals/" + portal.id() + "/pdf-templates").with(user(admin)).with(csrf())
                        .param("invoice", "").param("invoiceVersion", "1"))
                .andExpect(status().isFound());
        assertThat(portalTemplates.templateFor(portal.id(), PrintKind.INVOICE))
                .isEqualTo(templates.defaultFor(admin, PrintKind.INVOICE).orElseThrow().id());
    }

    @Test
    void aForgedChoiceOfAnInternalUseOnlyTemplateIsRefusedWithAMessageAndNothingChanges() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        PdfTemplate internal = copy(admin, PrintKind.INVOICE, true);
        PdfTemplate aQuote = copy(admin, PrintKind.QUOTE, false);
        long history = history(portal);

        mvc.perform(save(admin, portal, internal.id().toString()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "invoice",
                        "pdfTemplates.error.internalOnlyPortalDefault"))
                .andExpect(content().string(containsString(
                        "This template is for internal use only, so a portal cannot make it its default.")));
        // A template of another kind, an unknown id and text that is no id are refused alike.
        mvc.perform(save(admin, portal, aQuote.id().toString()))
                .andExpect(model().attributeHasFieldErrorCode("form", "invoice", "pdfTemplates.error.wrongKind"));
        mvc.perform(save(admin, portal, dev.foyer.pdf.PdfTemplateId.newId().toString()))
                .andExpect(model().attributeHasFieldErrorCode("form", "invoice", "pdfTemplates.error.notFound"));
        mvc.perform(save(admin, portal, "'; drop table portal; --"))
                .andExpect(model().attributeHasFieldErrorCode("form", "invoice", "pdfTemplates.error.notFound"));

        assertThat(rows(portal)).isZero();
        assertThat(history(portal)).isEqualTo(history);
        assertThat(portalTemplates.templateFor(portal.id(), PrintKind.INVOICE))
                .isEqualTo(templates.defaultFor(admin, PrintKind.INVOICE).orElseThrow().id());
    }

    @Test
    void aTemplateAPortalUsesCannotBeMarkedInternalOnlyNorDeletedAndTheRefusalNamesThePortal() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        PdfTemplate used = copy(admin, PrintKind.ORDER, false);
        mvc.perform(save(admin, portal, PrintKind.ORDER, used.id().toString())).andExpect(status().isFound());

        mvc.perform(post("/settings/pdf-templates/" + used.id()).with(user(admin)).with(csrf()).param("kind", "ORDER")
                        .param("name", used.name()).param("html", used.html()).param("css", used.css())
                        .param("internalOnly", "true").param("version", String.valueOf(used.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("portal: " + portal.name())))
                .andExpect(content().string(containsString("so it cannot be marked internal use only")));
        PdfTemplate stored = templates.find(admin, used.id()).orElseThrow();
        assertThat(stored.internalOnly()).isFalse();
        assertThat(stored.version()).isEqualTo(used.version());

        mvc.perform(post("/settings/pdf-templates/" + used.id() + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(used.version())))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("actionProblem", "pdfTemplates.error.deleteUsedByPortal"))
                .andExpect(flash().attribute("actionProblemArgs", new Object[]{portal.name()}));
        assertThat(templates.find(admin, used.id())).isPresent();
        assertThat(messages.getMessage("pdfTemplates.error.deleteUsedByPortal", new Object[]{portal.name()},
                java.util.Locale.ENGLISH)).contains("(portal: " + portal.name() + "), so it cannot be deleted.",
                "portal's settings");

        // Once the portal chooses another, the template is free again.
        mvc.perform(post("/settings/portals/" + portal.id() + "/pdf-templates").with(user(admin)).with(csrf())
                        .param("order", "").param("orderVersion", "1"))
                .andExpect(status().isFound());
        templates.update(admin, used.id(), used.version(),
                new PdfTemplateDraft(used.name(), used.html(), used.css(), true));
        assertThat(templates.find(admin, used.id()).orElseThrow().internalOnly()).isTrue();
    }

    @Test
    void aStaleChoiceShowsWhatIsStoredAndChangesNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        PdfTemplate theirs = copy(admin, PrintKind.CONTRACT, false);
        PdfTemplate mine = copy(admin, PrintKind.CONTRACT, false);
        mvc.perform(save(admin, portal, PrintKind.CONTRACT, theirs.id().toString())).andExpect(status().isFound());

        mvc.perform(save(admin, portal, PrintKind.CONTRACT, mine.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString(theirs.name())));
        assertThat(portalTemplates.templateFor(portal.id(), PrintKind.CONTRACT)).isEqualTo(theirs.id());
    }

    @Test
    void onlyAdminsSeeOrChangeAPortalsPdfTemplates() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = portal(admin);
        PdfTemplate template = copy(admin, PrintKind.QUOTE, false);
        for (StaffRole role : new StaffRole[]{StaffRole.MEMBER, StaffRole.MANAGER}) {
            StaffUser staff = aStaffUser().withRole(role).createdBy(accounts, admin);
            var principal = new StaffPrincipal(staff.id(), staff.email(), staff.displayName(), role, null);
            mvc.perform(get("/settings/portals/" + portal.id() + "/pdf-templates").with(user(principal)))
                    .andExpect(status().isForbidden());
            mvc.perform(save(principal, portal, PrintKind.QUOTE, template.id().toString()))
                    .andExpect(status().isForbidden());
        }
        assertThat(rows(portal)).isZero();
        mvc.perform(get("/settings/portals/" + PortalId.newId() + "/pdf-templates").with(user(admin)))
                .andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.RequestBuilder save(StaffPrincipal actor, Portal portal, String invoice) {
        return save(actor, portal, PrintKind.INVOICE, invoice);
    }

    private org.springframework.test.web.servlet.RequestBuilder save(StaffPrincipal actor, Portal portal, PrintKind kind,
                                                                     String template) {
        var request = post("/settings/portals/" + portal.id() + "/pdf-templates").with(user(actor)).with(csrf());
        for (PrintKind k : PrintKind.values()) {
            String field = k.name().toLowerCase(java.util.Locale.ROOT);
            request = request.param(field, k == kind ? template : "").param(field + "Version", "0");
        }
        return request;
    }

    private Portal portal(StaffPrincipal admin) {
        return portals.create(admin, new PortalDetails("Vendors " + System.nanoTime(), null, Audience.VENDORS, true,
                null));
    }

    private PdfTemplate copy(StaffPrincipal admin, PrintKind kind, boolean internalOnly) {
        PdfTemplateDraft start = templates.startingPoint(admin, kind);
        return templates.create(admin, kind, new PdfTemplateDraft("Copy " + System.nanoTime(), start.html(),
                start.css(), internalOnly));
    }

    private long rows(Portal portal) {
        return jdbc.sql("select count(*) from portal_pdf_default where portal_id = :p").param("p", portal.id().value())
                .query(Long.class).single();
    }

    private long history(Portal portal) {
        return jdbc.sql("select count(*) from record_change where record_type = 'portal' and record_id = :id")
                .param("id", portal.id().value()).query(Long.class).single();
    }
}
