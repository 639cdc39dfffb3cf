package dev.foyer.shell.web;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.organization.Organizations;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page shell shows on every page: the organization's name and the signed-in user. */
@ControllerAdvice
class ShellModelAdvice {

    private final Organizations organizations;

    ShellModelAdvice(Organizations organizations) {
        this.organizations = organizations;
    }

    @ModelAttribute("shellUser")
    StaffPrincipal shellUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff ? staff : null;
    }

    @ModelAttribute("shellOrganizationName")
    String shellOrganizationName() {
        return organizations.isSetUp()
                ? organizations.current().map(organization -> organization.profile().name()).orElse(null)
                : null;
    }
}
