package dev.foyer.pdf;

import java.util.Locale;
import java.util.UUID;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUser;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 4: admins manage PDF templates under Settings — the shipped defaults, copies, edits with
 * optimistic locking, refused invalid templates, one default per kind, and the PRT-6 rule that an
 * internal-use-only template never becomes a portal default.
 */
@FoyerWebTest
class PdfTemplatesWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PdfTemplates templates;
    @Autowired
    PdfDocuments documents;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void foyerShipsOneDefaultTemplatePerKindAndRendersWithItThroughTheSeam() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        for (PrintKind kind : PrintKind.values()) {
            assertThat(templates.defaultFor(admin, kind)).hasValueSatisfying(t -> {
                assertThat(t.name()).isNotBlank();
                assertThat(t.internalOnly()).isFalse();
            });
            // Start-up seeding is idempotent: a kind that has templates gets nothing more.
            assertThat(templates.insertShippedIfMissing(kind, ShippedTemplates.of(kind))).isFalse();
        }
        mvc.perform(get("/settings/pdf-templates").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Standard")))
                .andExpect(content().string(containsString("aria-current=\"page\"")));
        mvc.perform(get("/settings").with(user(admin))).andExpect(content().string(containsString("/settings/pdf-templates")));

        byte[] pdf = documents.render(PdfRenderingTest.invoice(Locale.ENGLISH));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = PdfRenderingTest.normalized(new PDFTextStripper().getText(document));
            assertThat(text).contains("INV-2026-0815", "Журнал «Жизнь» — вёрстка обложки", "€4,042.66");
        }
        assertThatThrownBy(() -> documents.render(templates.defaultFor(admin, PrintKind.QUOTE).orElseThrow().id(),
                PdfRenderingTest.invoice(Locale.ENGLISH))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAdminCopiesTheDefaultEditsTheCopyAndMakesItTheDefault() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        PdfTemplate standard = templates.defaultFor(admin, PrintKind.ORDER).orElseThrow();
        mvc.perform(get("/settings/pdf-templates/new").param("kind", "ORDER").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Copy of " + standard.name() + "\"")))
                .andExpect(content().string(containsString("data:image/png;base64,")));

        String name = "Bold order " + UUID.randomUUID();
        String html = standard.html().replace("<h1 class=\"doc-title\">", "<h1 class=\"doc-title\">!! ");
        MvcResult created = mvc.perform(post("/settings/pdf-templates").with(user(admin)).with(csrf())
                        .param("kind", "ORDER").param("name", name).param("html", html).param("css", standard.css())
                        .param("version", "0"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/settings/pdf-templates/*"))
                .andReturn();
        PdfTemplateId id = PdfTemplateId.parse(created.getResponse().getRedirectedUrl()
                .substring("/settings/pdf-templates/".length())).orElseThrow();
        PdfTemplate copy = templates.find(admin, id).orElseThrow();
        assertThat(copy.kind()).isEqualTo(PrintKind.ORDER);
        assertThat(copy.defaultForKind()).isFalse();

        mvc.perform(post("/settings/pdf-templates/" + id).with(user(admin)).with(csrf()).param("kind", "ORDER")
                        .param("name", name + " v2").param("html", html).param("css", standard.css() + "\nbody { color: #000; }")
                        .param("internalOnly", "true").param("version", String.valueOf(copy.version())))
                .andExpect(status().isFound());
        PdfTemplate edited = templates.find(admin, id).orElseThrow();
        assertThat(edited.name()).isEqualTo(name + " v2");
        assertThat(edited.internalOnly()).isTrue();
        assertThat(edited.css()).endsWith("body { color: #000; }");

        mvc.perform(post("/settings/pdf-templates/" + id + "/default").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(edited.version())))
                .andExpect(status().isFound());
        assertThat(templates.defaultFor(admin, PrintKind.ORDER).orElseThrow().id()).isEqualTo(id);
        assertThat(templates.find(admin, standard.id()).orElseThrow().defaultForKind()).isFalse();
        assertThat(defaults(PrintKind.ORDER)).isEqualTo(1);

        mvc.perform(get("/settings/pdf-templates/" + id).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Default for its kind")))
                .andExpect(content().string(containsString("src=\"data:image/png;base64,")));

        // Back to the shipped one, so other tests see the usual defaults.
        PdfTemplate old = templates.find(admin, standard.id()).orElseThrow();
        templates.makeDefault(admin, old.id(), old.version());
        PdfTemplate demoted = templates.find(admin, id).orElseThrow();
        mvc.perform(post("/settings/pdf-templates/" + id + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(demoted.version())))
                .andExpect(status().isFound());
        assertThat(templates.find(admin, id)).isEmpty();
    }

    @Test
    void aStaleEditShowsTheStoredVersionAndCanBeReapplied() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        PdfTemplate template = copyOf(admin, PrintKind.QUOTE, false);
        templates.update(admin, template.id(), template.version(), template.draft().withName("Theirs " + template.id()));

        mvc.perform(post("/settings/pdf-templates/" + template.id()).with(user(admin)).with(csrf()).param("kind", "QUOTE")
                        .param("name", "Mine " + template.id()).param("html", template.html()).param("css", template.css())
                        .param("version", String.valueOf(template.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("Theirs " + template.id())))
                .andExpect(content().string(containsString("value=\"Mine " + template.id() + "\"")))
                .andExpect(content().string(containsString("Save my changes anyway")));
        PdfTemplate stored = templates.find(admin, template.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Theirs " + template.id());

        mvc.perform(post("/settings/pdf-templates/" + template.id()).with(user(admin)).with(csrf()).param("kind", "QUOTE")
                        .param("name", "Mine " + template.id()).param("html", template.html()).param("css", template.css())
                        .param("version", String.valueOf(stored.version())))
                .andExpect(status().isFound());
        assertThat(templates.find(admin, template.id()).orElseThrow().name()).isEqualTo("Mine " + template.id());
    }

    @Test
    void anInvalidTemplateIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        PdfTemplate template = copyOf(admin, PrintKind.CONTRACT, false);
        long count = count();
        mvc.perform(post("/settings/pdf-templates/" + template.id()).with(user(admin)).with(csrf()).param("kind", "CONTRACT")
                        .param("name", " ").param("html", "<p>\n  {{#lines}}{{description}}\n</p>").param("css", "")
                        .param("version", String.valueOf(template.version())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "html", "pdfTemplates.syntax.unclosedSection"))
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "pdfTemplates.error.name"))
                .andExpect(content().string(containsString("Line 2, column 3: the section \u201clines\u201d is never closed.")))
                .andExpect(content().string(containsString("Enter a name of 1 to 100 characters.")));
        mvc.perform(post("/settings/pdf-templates").with(user(admin)).with(csrf()).param("kind", "CONTRACT")
                        .param("name", "Sneaky " + UUID.randomUUID()).param("html", "<p>{{T(java.lang.System).exit(0)}}</p>")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "html", "pdfTemplates.syntax.badName"));
        mvc.perform(post("/settings/pdf-templates").with(user(admin)).with(csrf()).param("kind", "CONTRACT")
                        .param("name", template.name().toUpperCase(Locale.ROOT)).param("html", "<p>{{customer.secret}}</p>")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "pdfTemplates.error.nameTaken"))
                .andExpect(model().attributeHasFieldErrorCode("form", "html", "pdfTemplates.syntax.unknownName"))
                .andExpect(content().string(containsString("there is no field \u201ccustomer.secret\u201d")));
        PdfTemplate unchanged = templates.find(admin, template.id()).orElseThrow();
        assertThat(unchanged.version()).isEqualTo(template.version());
        assertThat(unchanged.html()).isEqualTo(template.html());
        assertThat(count()).isEqualTo(count);
    }

    @Test
    void thePreviewShowsPageOneOrTheTemplatesProblemNeverA500() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        PdfTemplate standard = templates.defaultFor(admin, PrintKind.INVOICE).orElseThrow();
        mvc.perform(post("/settings/pdf-templates/preview").with(user(admin)).with(csrf()).header("HX-Request", "true")
                        .param("kind", "INVOICE").param("html", standard.html()).param("css", standard.css())
                        .param("previewLanguage", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview\"")))
                .andExpect(content().string(containsString("src=\"data:image/png;base64,")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/settings/pdf-templates/preview").with(user(admin)).with(csrf()).header("HX-Request", "true")
                        .param("kind", "INVOICE").param("html", "<p>{{number</p>").param("css", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Line 1, column 4: a placeholder is opened with double braces but never closed.")));
        // Without JavaScript the Preview button shows the whole editor again, with the preview in it.
        mvc.perform(post("/settings/pdf-templates/preview").with(user(admin)).with(csrf()).param("id", standard.id().toString())
                        .param("kind", "INVOICE").param("name", standard.name()).param("html", standard.html())
                        .param("css", standard.css()).param("version", String.valueOf(standard.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("src=\"data:image/png;base64,")));
        mvc.perform(get("/settings/pdf-templates/" + standard.id() + "/preview.pdf").with(user(admin)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", startsWith("inline")));
    }

    @Test
    void anInternalUseOnlyTemplateCannotBecomeAPortalDefault() {
        var admin = Admins.testAdmin(jdbc);
        PdfTemplate internal = copyOf(admin, PrintKind.INVOICE, true);
        PdfTemplate forCustomers = copyOf(admin, PrintKind.INVOICE, false);

        assertThatThrownBy(() -> templates.requirePortalDefaultCandidate(internal.id(), PrintKind.INVOICE))
                .isInstanceOf(PdfTemplateException.class)
                .extracting(e -> ((PdfTemplateException) e).problems().getFirst().messageKey())
                .isEqualTo("pdfTemplates.error.internalOnlyPortalDefault");
        assertThat(templates.requirePortalDefaultCandidate(forCustomers.id(), PrintKind.INVOICE).id())
                .isEqualTo(forCustomers.id());
        assertThatThrownBy(() -> templates.requirePortalDefaultCandidate(forCustomers.id(), PrintKind.QUOTE))
                .isInstanceOf(PdfTemplateException.class);
        assertThatThrownBy(() -> templates.requirePortalDefaultCandidate(PdfTemplateId.newId(), PrintKind.INVOICE))
                .isInstanceOf(PdfTemplateException.class);
        assertThat(templates.portalDefaultCandidates(PrintKind.INVOICE)).extracting(PdfTemplateSummary::id)
                .contains(forCustomers.id()).doesNotContain(internal.id())
                .allSatisfy(candidate -> assertThat(candidate).isNotNull());
        assertThat(templates.portalDefaultCandidates(PrintKind.INVOICE)).noneMatch(PdfTemplateSummary::internalOnly);
    }

    @Test
    void theDefaultCannotBeDeletedAndTheDatabaseKeepsOneDefaultPerKind() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        PdfTemplate standard = templates.defaultFor(admin, PrintKind.QUOTE).orElseThrow();
        mvc.perform(post("/settings/pdf-templates/" + standard.id() + "/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(standard.version())))
                .andExpect(status().isFound());
        assertThat(templates.find(admin, standard.id())).isPresent();
        assertThatThrownBy(() -> templates.delete(admin, standard.id(), standard.version()))
                .isInstanceOf(PdfTemplateException.class)
                .extracting(e -> ((PdfTemplateException) e).problems().getFirst().messageKey())
                .isEqualTo("pdfTemplates.error.deleteDefault");
        PdfTemplate copy = copyOf(admin, PrintKind.QUOTE, false);
        assertThatThrownBy(() -> jdbc.sql("update pdf_template set is_default = true where id = :id")
                .param("id", copy.id().value()).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(defaults(PrintKind.QUOTE)).isEqualTo(1);
        assertThatThrownBy(() -> templates.delete(admin, copy.id(), copy.version() + 7))
                .isInstanceOf(dev.foyer.shared.StaleVersionException.class);
    }

    @Test
    void membersAndManagersAreRefusedAndNothingChanges() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        PdfTemplate template = copyOf(admin, PrintKind.ORDER, false);
        long before = count();
        for (StaffRole role : new StaffRole[]{StaffRole.MEMBER, StaffRole.MANAGER}) {
            StaffUser staff = aStaffUser().withRole(role).createdBy(accounts, admin);
            var principal = new StaffPrincipal(staff.id(), staff.email(), staff.displayName(), role, null);
            mvc.perform(get("/settings/pdf-templates").with(user(principal))).andExpect(status().isForbidden());
            mvc.perform(get("/settings/pdf-templates/new").param("kind", "ORDER").with(user(principal)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/settings/pdf-templates/" + template.id()).with(user(principal))).andExpect(status().isForbidden());
            mvc.perform(get("/settings/pdf-templates/" + template.id() + "/preview.pdf").with(user(principal)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/settings/pdf-templates").with(user(principal)).with(csrf()).param("kind", "ORDER")
                    .param("name", "x").param("html", "<p>x</p>").param("version", "0")).andExpect(status().isForbidden());
            mvc.perform(post("/settings/pdf-templates/preview").with(user(principal)).with(csrf()).param("kind", "ORDER")
                    .param("html", "<p>x</p>")).andExpect(status().isForbidden());
            mvc.perform(post("/settings/pdf-templates/" + template.id() + "/default").with(user(principal)).with(csrf())
                    .param("version", String.valueOf(template.version()))).andExpect(status().isForbidden());
            mvc.perform(post("/settings/pdf-templates/" + template.id() + "/delete").with(user(principal)).with(csrf())
                    .param("version", String.valueOf(template.version()))).andExpect(status().isForbidden());
            assertThatThrownBy(() -> templates.create(principal, PrintKind.ORDER, template.draft().withName("direct")))
                    .isInstanceOf(AccessDeniedException.class);
        }
        PdfTemplate unchanged = templates.find(admin, template.id()).orElseThrow();
        assertThat(unchanged.version()).isEqualTo(template.version());
        assertThat(unchanged.defaultForKind()).isFalse();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void unknownOrMalformedIdsAndKindsAnswer404() throws Exception {
        var admin = Admins.testAdmin(jdbc);
        mvc.perform(get("/settings/pdf-templates/" + PdfTemplateId.newId()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/settings/pdf-templates/not-a-uuid").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/settings/pdf-templates/new").param("kind", "RECEIPT").with(user(admin))).andExpect(status().isNotFound());
    }

    private PdfTemplate copyOf(StaffPrincipal admin, PrintKind kind, boolean internalOnly) {
        PdfTemplateDraft source = templates.startingPoint(admin, kind);
        return templates.create(admin, kind, new PdfTemplateDraft("Copy " + UUID.randomUUID(), source.html(),
                source.css(), internalOnly));
    }

    private long defaults(PrintKind kind) {
        return jdbc.sql("select count(*) from pdf_template where kind = :kind and is_default").param("kind", kind.name())
                .query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from pdf_template").query(Long.class).single();
    }
}
