package dev.foyer.accounts.web;

import dev.foyer.accounts.PasswordResets;
import dev.foyer.accounts.PortalAccountException;
import dev.foyer.accounts.PortalAccounts;
import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.accounts.PortalSessions;
import dev.foyer.accounts.PortalSignIn;
import dev.foyer.portal.InvitationException;
import dev.foyer.portal.InvitationRefusal;
import dev.foyer.portal.PendingInvitation;
import dev.foyer.portal.Portal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's public pages (issue 6 items 3 and 7): accepting an invitation, signing in (with a
 * second factor when the user has one) and resetting a password. Bind, call, render.
 */
@Controller
class PortalEntryController {

    private final PortalPages pages;
    private final PortalAccounts accounts;
    private final PortalSignIn signIn;
    private final PortalSessions sessions;
    private final PasswordResets resets;

    PortalEntryController(PortalPages pages, PortalAccounts accounts, PortalSignIn signIn, PortalSessions sessions,
                          PasswordResets resets) {
        this.pages = pages;
        this.accounts = accounts;
        this.signIn = signIn;
        this.sessions = sessions;
        this.resets = resets;
    }

    // --- invitation (LIF-2): GET shows the form and never uses the link up ---

    @GetMapping("/p/{slug}/invitation/{token}")
    String invitation(@PathVariable String slug, @PathVariable String token, Model model, HttpServletResponse response) {
        Portal portal = pages.require(slug);
        model.addAttribute("portal", portal);
        model.addAttribute("token", token);
        try {
            model.addAttribute("invitation", accounts.peekInvitation(slug, token));
            return "accounts/invitation";
        } catch (InvitationException e) {
            return refused(e.refusal(), model, response);
        }
    }

    @PostMapping("/p/{slug}/invitation/{token}")
    String accept(@PathVariable String slug, @PathVariable String token, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Portal portal = pages.require(slug);
        model.addAttribute("portal", portal);
        model.addAttribute("token", token);
        try {
            PortalPrincipal principal = accounts.accept(slug, token, password, confirmation);
            sessions.signIn(principal, request, response);
            return "redirect:/p/" + slug + "/welcome";
        } catch (InvitationException e) {
            return refused(e.refusal(), model, response);
        } catch (PortalAccountException e) {
            try {
                model.addAttribute("invitation", accounts.peekInvitation(slug, token));
            } catch (InvitationException gone) {
                return refused(gone.refusal(), model, response);
            }
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "accounts/invitation";
        }
    }

    private static String refused(InvitationRefusal refusal, Model model, HttpServletResponse response) {
        model.addAttribute("messageKey", refusal.messageKey());
        response.setStatus(refusal == InvitationRefusal.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        return "accounts/link-refused";
    }

    // --- sign-in (LIF-7) ---

    @GetMapping("/p/{slug}/sign-in")
    String signInForm(@PathVariable String slug, Model model) {
        model.addAttribute("portal", pages.require(slug));
        return "accounts/sign-in";
    }

    @PostMapping("/p/{slug}/sign-in")
    String signIn(@PathVariable String slug, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String password, HttpServletRequest request,
                  HttpServletResponse response) {
        Portal portal = pages.require(slug);
        PortalSignIn.Outcome outcome = signIn.signIn(portal, email, password, request.getRemoteAddr());
        if (outcome instanceof PortalSignIn.Success success) {
            if (success.secondFactorDue()) {
                HttpSession session = request.getSession();
                request.changeSessionId();
                session = request.getSession();
                session.setAttribute(PortalSessions.SECOND_FACTOR_DUE, success.principal());
                return "redirect:/p/" + slug + "/sign-in/code";
            }
            sessions.signIn(success.principal(), request, response);
            return "redirect:/p/" + slug + "/";
        }
        return "redirect:/p/" + slug + "/sign-in?error";
    }

    @GetMapping("/p/{slug}/sign-in/code")
    String codeForm(@PathVariable String slug, Model model, HttpServletRequest request) {
        model.addAttribute("portal", pages.require(slug));
        if (due(request) == null) {
            return "redirect:/p/" + slug + "/sign-in";
        }
        return "accounts/sign-in-code";
    }

    @PostMapping("/p/{slug}/sign-in/code")
    String code(@PathVariable String slug, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                HttpServletResponse response) {
        Portal portal = pages.require(slug);
        PortalPrincipal principal = due(request);
        if (principal == null || !principal.portalId().equals(portal.id())) {
            return "redirect:/p/" + slug + "/sign-in";
        }
        if (!signIn.secondFactor(portal, principal, code, request.getRemoteAddr())) {
            return "redirect:/p/" + slug + "/sign-in/code?error";
        }
        request.getSession().removeAttribute(PortalSessions.SECOND_FACTOR_DUE);
        sessions.signIn(principal, request, response);
        return "redirect:/p/" + slug + "/";
    }

    private static PortalPrincipal due(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PortalSessions.SECOND_FACTOR_DUE) instanceof PortalPrincipal p
                ? p : null;
    }

    // --- password reset (LIF-7) ---

    @GetMapping("/p/{slug}/password-reset")
    String resetRequestForm(@PathVariable String slug, Model model) {
        model.addAttribute("portal", pages.require(slug));
        return "accounts/reset-request";
    }

    @PostMapping("/p/{slug}/password-reset")
    String resetRequest(@PathVariable String slug, @RequestParam(defaultValue = "") String email) {
        resets.request(pages.require(slug), email);
        // The same answer whether or not the address has an account.
        return "redirect:/p/" + slug + "/password-reset?sent";
    }

    @GetMapping("/p/{slug}/password-reset/{token}")
    String resetForm(@PathVariable String slug, @PathVariable String token, Model model, HttpServletResponse response) {
        Portal portal = pages.require(slug);
        model.addAttribute("portal", portal);
        model.addAttribute("token", token);
        if (!resets.isValid(portal, token)) {
            model.addAttribute("messageKey", "portal.reset.refused");
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/link-refused";
        }
        return "accounts/reset";
    }

    @PostMapping("/p/{slug}/password-reset/{token}")
    String reset(@PathVariable String slug, @PathVariable String token, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
        Portal portal = pages.require(slug);
        model.addAttribute("portal", portal);
        model.addAttribute("token", token);
        try {
            resets.reset(portal, token, password, confirmation);
            return "redirect:/p/" + slug + "/sign-in?reset";
        } catch (PortalAccountException e) {
            if (e.problems().containsKey("")) {
                model.addAttribute("messageKey", "portal.reset.refused");
                response.setStatus(HttpStatus.GONE.value());
                return "accounts/link-refused";
            }
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "accounts/reset";
        }
    }
}
