package dev.foyer.test;

import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.portal.PortalField;
import dev.foyer.portal.PortalUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the portal's MockMvc tests of record forms (EXP-5) share: requests as a signed-in portal
 * user, a page that must answer 200, a status, and hiding a field from a user's type (PRT-4).
 */
public final class PortalRequests {

    private PortalRequests() {
    }

    /** The page as the user sees it; fails unless it answers 200. */
    public static String page(MockMvc mvc, PortalUser user, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(principal(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    public static int status(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** The request as the signed-in portal user, with a CSRF token (a form post). */
    public static MockHttpServletRequestBuilder as(PortalUser user, MockHttpServletRequestBuilder request) {
        return request.with(principal(user)).with(csrf());
    }

    public static RequestPostProcessor principal(PortalUser user) {
        PortalPrincipal principal = new PortalPrincipal(user.id(), user.portalId(), "user@acme.example", "Portal user");
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                AuthorityUtils.createAuthorityList(PortalPrincipal.AUTHORITY)));
    }

    /** Hides the field from the user's type (PRT-4), as an admin would on the field rights screen. */
    public static void hide(JdbcClient jdbc, PortalUser user, PortalField field) {
        jdbc.sql("""
                        insert into portal_field_right (user_type_id, module, field, access)
                        values (:type, :module, :field, 'HIDDEN')
                        on conflict (user_type_id, module, field) do update set access = 'HIDDEN'""")
                .param("type", user.userTypeId().value()).param("module", field.module().name())
                .param("field", field.key()).update();
    }
}
