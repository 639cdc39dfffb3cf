package dev.foyer.portal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.foyer.identity.StaffAccounts;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.test.Admins;
import dev.foyer.test.FoyerWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static dev.foyer.test.BrandingBuilders.aPng;
import static dev.foyer.test.BrandingBuilders.aPortal;
import static dev.foyer.test.BrandingBuilders.anSvgWithScript;
import static dev.foyer.test.StaffUserBuilder.aStaffUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 7 item 9 (PRT-7, ADR 011): admins brand a portal; brand.css, brand.js and the logo are
 * public same-origin resources of active portals only, with the right types, nosniff and a CSP;
 * bad colours, disguised logos, stale versions and non-admins change nothing.
 */
@FoyerWebTest
class BrandingWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Portals portals;
    @Autowired
    BrandingSettings brandings;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext applicationContext;
    @Autowired
    org.thymeleaf.spring6.SpringTemplateEngine templates;

    @Test
    void theHeadAndLogoFragmentsLinkTheVersionedResourcesAndInlineNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = aPortal().named("Fragment <b>Portal</b>").createdBy(portals, admin);
        String plain = render(portal);
        assertThat(plain).contains("<link rel=\"stylesheet\" href=\"/p/" + portal.slug() + "/brand.css?v=0\">")
                .doesNotContain("brand.js").doesNotContain("<img").doesNotContain("<style").doesNotContain("style=")
                .contains("<span class=\"brand-name\">Fragment &lt;b&gt;Portal&lt;/b&gt;</span>");

        save(admin, portal, 0, "#000000", "#ffffff", "#000000", "", "console.log('hi');")
                .andExpect(status().is3xxRedirection());
        upload(admin, portal, 1, new MockMultipartFile("logo", "logo.png", "image/png", aPng(4, 4)))
                .andExpect(status().is3xxRedirection());
        String branded = render(portal);
        assertThat(branded).contains("href=\"/p/" + portal.slug() + "/brand.css?v=2\"")
                .contains("<script src=\"/p/" + portal.slug() + "/brand.js?v=2\" defer></script>")
                .contains("<img class=\"brand-logo\" src=\"/p/" + portal.slug() + "/logo?v=2\"")
                .contains("alt=\"Fragment &lt;b&gt;Portal&lt;/b&gt;\"")
                .doesNotContain("console.log");
    }

    @Test
    void everyPortalPageCarriesItsPortalsBrandingFromTheSignInPageOn() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = aPortal().named("Branded sign-in").createdBy(portals, admin);
        save(admin, portal, 0, "#123456", "#ffffff", "#000000", "", "console.log('brand');")
                .andExpect(status().is3xxRedirection());
        upload(admin, portal, 1, new MockMultipartFile("logo", "logo.png", "image/png", aPng(4, 4)))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/p/" + portal.slug() + "/sign-in"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/p/" + portal.slug() + "/brand.css?v=2\"")))
                .andExpect(content().string(containsString("<script src=\"/p/" + portal.slug() + "/brand.js?v=2\" defer></script>")))
                .andExpect(content().string(containsString("src=\"/p/" + portal.slug() + "/logo?v=2\"")))
                .andExpect(content().string(not(containsString("console.log"))));
    }

    private String render(Portal portal) {
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/p/" + portal.slug() + "/");
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication
                .buildApplication(request.getServletContext()).buildExchange(request, response);
        var context = new org.thymeleaf.context.WebContext(exchange, java.util.Locale.ENGLISH);
        context.setVariable("portal", portal);
        context.setVariable(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(applicationContext, null));
        // The whole fragments file, both fragments with ${portal} as a portal layout passes it.
        return templates.process("portal/branding", context);
    }

    @Test
    void anAdminsColoursAndCustomCodeAreServedAsSeparateResourcesWithTypesNosniffCspAndVersionedCaching()
            throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = aPortal().createdBy(portals, admin);

        // Before any branding: the defaults, version 0, and no script.
        mvc.perform(get("/p/" + portal.slug() + "/brand.css").param("v", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("--brand-primary: #1d4e89;")));
        mvc.perform(get("/p/" + portal.slug() + "/brand.js")).andExpect(status().isNotFound());

        save(admin, portal, 0, "#0B3D2E", "#FFFFFF", "#8a1c7c", ".brand-header { letter-spacing: .02em; }",
                "document.documentElement.dataset.branded = 'yes';")
                .andExpect(status().is3xxRedirection());
        Branding saved = brandings.current(admin, portal.id());
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.primaryColour().hex()).isEqualTo("#0b3d2e");

        String v = saved.cacheToken();
        mvc.perform(get("/p/" + portal.slug() + "/brand.css").param("v", v))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/css;charset=UTF-8"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")))
                .andExpect(header().string("Cache-Control", containsString("immutable")))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(content().string(containsString("--brand-primary: #0b3d2e;")))
                .andExpect(content().string(containsString("--brand-on-primary: #ffffff;")))
                .andExpect(content().string(containsString("--brand-accent: #8a1c7c;")))
                .andExpect(content().string(containsString(".brand-header { letter-spacing: .02em; }")));
        // Another version (an old page) gets the current content but must revalidate.
        mvc.perform(get("/p/" + portal.slug() + "/brand.css").param("v", "0"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-cache"));
        mvc.perform(get("/p/" + portal.slug() + "/brand.js").param("v", v))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/javascript;charset=UTF-8"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(content().string("document.documentElement.dataset.branded = 'yes';"));
        // Only reading: anything but GET and HEAD is refused before a controller sees it.
        mvc.perform(post("/p/" + portal.slug() + "/brand.css").with(csrf())).andExpect(status().isForbidden());

        // History: who changed which colours (custom code by length and digest).
        mvc.perform(get("/settings/portals/" + portal.id() + "/branding").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Primary colour")))
                .andExpect(content().string(containsString("#0b3d2e")))
                .andExpect(content().string(containsString("Custom JavaScript")))
                .andExpect(content().string(containsString("sha256:")));
    }

    @Test
    void inactiveAndUnknownPortalsAnswer404LikeNothingExists() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal inactive = aPortal().inactive().createdBy(portals, admin);
        save(admin, inactive, 0, "#000000", "#ffffff", "#000000", "body { color: red; }", "console.log(1);")
                .andExpect(status().is3xxRedirection());
        upload(admin, inactive, 1, new MockMultipartFile("logo", "logo.png", "image/png", aPng(20, 10)))
                .andExpect(status().is3xxRedirection());

        for (String path : new String[]{"brand.css", "brand.js", "logo"}) {
            byte[] inactiveBody = mvc.perform(get("/p/" + inactive.slug() + "/" + path))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsByteArray();
            byte[] unknownBody = mvc.perform(get("/p/no-such-portal/" + path))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsByteArray();
            assertThat(inactiveBody).isEqualTo(unknownBody);
            mvc.perform(get("/p/NOT_A_SLUG/" + path)).andExpect(status().isNotFound());
        }
        // Signed-in staff get no more than anyone else: the routes look at the portal only.
        mvc.perform(get("/p/" + inactive.slug() + "/brand.css").with(user(admin))).andExpect(status().isNotFound());

        // The admin still sees the preview of an inactive portal through the staff routes.
        mvc.perform(get("/settings/portals/" + inactive.id() + "/branding/logo").with(user(admin)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(get("/settings/portals/" + inactive.id() + "/branding/preview.css").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(".brand-preview {")))
                .andExpect(content().string(not(containsString("color: red"))));
    }

    @Test
    void aColourCarryingCssIsRefusedWithAClearMessageAndNothingChanges() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = aPortal().createdBy(portals, admin);
        save(admin, portal, 0, "#224466", "#ffffff", "#224466", "", "").andExpect(status().is3xxRedirection());
        String before = css(portal);

        save(admin, portal, 1, "red;} body{display:none}", "#ffffff", "#224466;} html{background:url(//evil)}",
                "p { color: green; }", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a colour as # and six hexadecimal digits")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(brandings.current(admin, portal.id()).version()).isEqualTo(1);
        assertThat(css(portal)).isEqualTo(before).doesNotContain("display:none").doesNotContain("green");
        assertThat(jdbc.sql("select primary_colour from portal_branding where portal_id = :id")
                .param("id", portal.id().value()).query(String.class).single()).isEqualTo("#224466");
    }

    @Test
    void aLogoIsAPngJpegOrWebpToldFromItsBytesAndADisguisedSvgOrHtmlIsRefused() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = aPortal().createdBy(portals, admin);

        upload(admin, portal, 0, new MockMultipartFile("logo", "logo.png", "image/png", anSvgWithScript()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not a PNG, JPEG or WebP image")));
        upload(admin, portal, 0, new MockMultipartFile("logo", "logo.png", "image/png",
                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not a PNG, JPEG or WebP image")));
        upload(admin, portal, 0, new MockMultipartFile("logo", "logo.svg", "image/svg+xml", anSvgWithScript()))
                .andExpect(status().isOk());
        byte[] tooLarge = new byte[Branding.MAX_LOGO_BYTES + 1];
        byte[] png = aPng(8, 8);
        System.arraycopy(png, 0, tooLarge, 0, png.length);
        upload(admin, portal, 0, new MockMultipartFile("logo", "big.png", "image/png", tooLarge))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("larger than 512 KB")));
        upload(admin, portal, 0, new MockMultipartFile("logo", "empty.png", "image/png", new byte[0]))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a logo file")));
        assertThat(brandings.current(admin, portal.id()).version()).as("nothing saved").isZero();
        assertThat(jdbc.sql("select count(*) from portal_branding_logo where portal_id = :id")
                .param("id", portal.id().value()).query(Long.class).single()).isZero();
        mvc.perform(get("/p/" + portal.slug() + "/logo")).andExpect(status().isNotFound());

        // A real PNG sent as "application/octet-stream" named logo.bin is still a PNG.
        byte[] real = aPng(120, 40);
        upload(admin, portal, 0, new MockMultipartFile("logo", "logo.bin", "application/octet-stream", real))
                .andExpect(status().is3xxRedirection());
        Branding saved = brandings.current(admin, portal.id());
        assertThat(saved.logoType()).isEqualTo("image/png");
        MvcResult served = mvc.perform(get("/p/" + portal.slug() + "/logo").param("v", saved.cacheToken()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andReturn();
        assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(real);

        // Removing it leaves nothing behind.
        mvc.perform(post("/settings/portals/" + portal.id() + "/branding/logo/delete").with(user(admin)).with(csrf())
                        .param("version", String.valueOf(saved.version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/p/" + portal.slug() + "/logo")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from portal_branding_logo where portal_id = :id")
                .param("id", portal.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aStaleSaveIsRefusedAndKeepsWhatTheOtherAdminSaved() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = aPortal().createdBy(portals, admin);
        save(admin, portal, 0, "#111111", "#ffffff", "#111111", "", "").andExpect(status().is3xxRedirection());
        // A second admin still holds the page of version 0.
        save(admin, portal, 0, "#222222", "#ffffff", "#222222", "", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this record")));
        assertThat(brandings.current(admin, portal.id()).primaryColour().hex()).isEqualTo("#111111");
        upload(admin, portal, 0, new MockMultipartFile("logo", "logo.png", "image/png", aPng(4, 4)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed the branding meanwhile")));
        assertThat(brandings.current(admin, portal.id()).hasLogo()).isFalse();
    }

    @Test
    void lowContrastColoursAreSavedWithAWarningThatStaysVisible() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = aPortal().createdBy(portals, admin);
        mvc.perform(get("/settings/portals/" + portal.id() + "/branding").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Some colours are hard to read"))));
        save(admin, portal, 0, "#ffcc00", "#ffffff", "#777777", "", "").andExpect(status().is3xxRedirection());
        mvc.perform(get("/settings/portals/" + portal.id() + "/branding").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Some colours are hard to read")))
                .andExpect(content().string(containsString("Text on the primary colour has a contrast of 1.51:1.")))
                .andExpect(content().string(containsString("The accent colour on white has a contrast of 4.48:1.")));
    }

    @Test
    void onlyAdminsBrandAPortalAndARefusalChangesNothing() throws Exception {
        StaffPrincipal admin = Admins.testAdmin(jdbc);
        Portal portal = aPortal().createdBy(portals, admin);
        for (StaffRole role : new StaffRole[]{StaffRole.MANAGER, StaffRole.MEMBER}) {
            StaffPrincipal staff = staff(role);
            mvc.perform(get("/settings/portals/" + portal.id() + "/branding").with(user(staff)))
                    .andExpect(status().isForbidden());
            save(staff, portal, 0, "#000000", "#ffffff", "#000000", "", "alert(1)").andExpect(status().isForbidden());
            upload(staff, portal, 0, new MockMultipartFile("logo", "logo.png", "image/png", aPng(4, 4)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/settings/portals/" + portal.id() + "/branding/preview.css").with(user(staff)))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select count(*) from portal_branding where portal_id = :id")
                .param("id", portal.id().value()).query(Long.class).single()).isZero();
        mvc.perform(get("/settings/portals/" + UUID.randomUUID() + "/branding").with(user(admin)))
                .andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions save(StaffPrincipal actor, Portal portal, long version,
                                                                   String primary, String onPrimary, String accent,
                                                                   String css, String js) throws Exception {
        return mvc.perform(post("/settings/portals/" + portal.id() + "/branding").with(user(actor)).with(csrf())
                .param("version", String.valueOf(version))
                .param("primaryColour", primary).param("onPrimaryColour", onPrimary).param("accentColour", accent)
                .param("customCss", css).param("customJs", js));
    }

    private org.springframework.test.web.servlet.ResultActions upload(StaffPrincipal actor, Portal portal, long version,
                                                                     MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/settings/portals/" + portal.id() + "/branding/logo")
                .file(file).param("version", String.valueOf(version)).with(user(actor)).with(csrf()));
    }

    private String css(Portal portal) throws Exception {
        return mvc.perform(get("/p/" + portal.slug() + "/brand.css")).andReturn().getResponse().getContentAsString();
    }

    private StaffPrincipal staff(StaffRole role) {
        var built = aStaffUser().withRole(role).createdBy(staffAccounts, Admins.testAdmin(jdbc));
        return new StaffPrincipal(built.id(), built.email(), built.displayName(), role, null);
    }
}
