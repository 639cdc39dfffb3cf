package dev.foyer.accounts.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.foyer.accounts.PortalAccountException;
import dev.foyer.accounts.PortalAccounts;
import dev.foyer.accounts.PortalPrincipal;
import dev.foyer.accounts.PortalSessions;
import dev.foyer.organization.OrganizationProfile;
import dev.foyer.organization.TimeFormat;
import dev.foyer.portal.Portal;
import dev.foyer.portal.PortalContactProfile;
import dev.foyer.portal.PortalException;
import dev.foyer.portal.PortalUserState;
import dev.foyer.portal.PortalUserStates;
import dev.foyer.shared.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in portal user's pages (issue 6 item 7, EXP-6): own contact details per field rights
 * (authorized in portal's {@link PortalContactProfile}), preferences (also the second step of
 * accepting an invitation), password, second factor and sessions.
 */
@Controller
class PortalProfileController {

    private static final String ENROLMENT = "foyer.portal.totpEnrolment";
    private static final List<String> ZONES = java.time.ZoneId.getAvailableZoneIds().stream().sorted().toList();
    private static final List<String> COUNTRIES = Arrays.stream(Locale.getISOCountries()).sorted().toList();

    private final PortalPages pages;
    private final PortalAccounts accounts;
    private final PortalSessions sessions;
    private final PortalContactProfile contactProfile;
    private final PortalUserStates states;

    PortalProfileController(PortalPages pages, PortalAccounts accounts, PortalSessions sessions,
                            PortalContactProfile contactProfile, PortalUserStates states) {
        this.pages = pages;
        this.accounts = accounts;
        this.sessions = sessions;
        this.contactProfile = contactProfile;
        this.states = states;
    }

    // The start page /p/{slug}/ is the dashboard of the site module (EXP-1).

    @GetMapping("/p/{slug}")
    String homeWithoutSlash(@PathVariable String slug) {
        return "redirect:/p/" + slug + "/";
    }

    @GetMapping({"/p/{slug}/welcome", "/p/{slug}/profile"})
    String profile(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, Model model,
                   HttpServletRequest request) {
        addProfile(slug, user, model, request);
        model.addAttribute("welcome", request.getRequestURI().endsWith("/welcome"));
        return request.getRequestURI().endsWith("/welcome") ? "accounts/welcome" : "accounts/profile";
    }

    @PostMapping("/p/{slug}/profile/preferences")
    String preferences(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                       @RequestParam long version, @RequestParam(defaultValue = "") String language,
                       @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String timeFormat,
                       @RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "false") boolean welcome,
                       Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        pages.require(slug);
        try {
            accounts.updatePreferences(user, version, language, timeZone, timeFormat, country);
        } catch (PortalAccountException e) {
            addProfile(slug, user, model, request);
            model.addAttribute("problems", e.problems());
            model.addAttribute("welcome", welcome);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return welcome ? "accounts/welcome" : "accounts/profile";
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("notice", "portal.preferences.stale");
            return "redirect:/p/" + slug + "/profile";
        }
        if (welcome) {
            return "redirect:/p/" + slug + "/";
        }
        flash.addFlashAttribute("notice", "portal.preferences.saved");
        return "redirect:/p/" + slug + "/profile";
    }

    /** EXP-6: what the user type leaves editable is taken from the form; everything else posted is ignored (PRT-4). */
    @PostMapping("/p/{slug}/profile/contact")
    String contact(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, @RequestParam long version,
                   @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
                   HttpServletResponse response, RedirectAttributes flash) {
        pages.require(slug);
        Map<String, String> posted = new java.util.HashMap<>(form);
        posted.keySet().retainAll(java.util.Set.of("firstName", "lastName", "email", "phone", "title"));
        try {
            contactProfile.update(user.id(), version, posted);
        } catch (PortalException e) {
            addProfile(slug, user, model, request);
            model.addAttribute("contactProblems", e.problems());
            model.addAttribute("contactInput", posted);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "accounts/profile";
        } catch (StaleVersionException e) {
            // Shown at once with the details as saved now, so the user sees what changed before retrying.
            addProfile(slug, user, model, request);
            model.addAttribute("problem", "portal.contact.stale");
            response.setStatus(HttpStatus.CONFLICT.value());
            return "accounts/profile";
        }
        // The top bar shows the name as now saved.
        states.find(user.id()).map(PortalUserState::fullName).filter(name -> !name.equals(user.displayName()))
                .ifPresent(name -> sessions.rename(user, name, request, response));
        flash.addFlashAttribute("notice", "portal.contact.saved");
        return "redirect:/p/" + slug + "/profile";
    }

    @PostMapping("/p/{slug}/profile/password")
    String password(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                    @RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String password,
                    @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes flash) {
        pages.require(slug);
        try {
            accounts.changePassword(user, currentPassword, password, confirmation);
        } catch (PortalAccountException e) {
            addProfile(slug, user, model, request);
            model.addAttribute("passwordProblems", e.problems());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "accounts/profile";
        }
        // Whoever else knew the old password is signed out; this session stays (ADR 008).
        sessions.endOthers(user, request.getSession().getId());
        flash.addFlashAttribute("notice", "portal.password.changed");
        return "redirect:/p/" + slug + "/profile";
    }

    @PostMapping("/p/{slug}/profile/sessions/end-others")
    String endOthers(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, HttpServletRequest request,
                     RedirectAttributes flash) {
        pages.require(slug);
        int ended = sessions.endOthers(user, request.getSession().getId());
        flash.addFlashAttribute("notice", "portal.sessions.ended");
        flash.addFlashAttribute("noticeArgument", ended);
        return "redirect:/p/" + slug + "/profile";
    }

    // --- second factor (RFC 6238) ---

    @GetMapping("/p/{slug}/profile/second-factor")
    String enrolForm(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user, Model model,
                     HttpServletRequest request) {
        Portal portal = pages.require(slug);
        HttpSession session = request.getSession();
        String secret = session.getAttribute(ENROLMENT) instanceof String s ? s : accounts.newSecondFactorSecret();
        session.setAttribute(ENROLMENT, secret);
        model.addAttribute("portal", portal);
        model.addAttribute("user", user);
        model.addAttribute("secret", secret);
        model.addAttribute("otpauthUri", accounts.otpauthUri(user, portal.name(), secret));
        return "accounts/second-factor";
    }

    @GetMapping("/p/{slug}/profile/second-factor/qr.svg")
    ResponseEntity<String> qr(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                              HttpServletRequest request) {
        Portal portal = pages.require(slug);
        if (!(request.getSession().getAttribute(ENROLMENT) instanceof String secret)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(accounts.qrSvg(accounts.otpauthUri(user, portal.name(), secret)));
    }

    @PostMapping("/p/{slug}/profile/second-factor")
    String enrol(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                 @RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        Portal portal = pages.require(slug);
        HttpSession session = request.getSession();
        if (!(session.getAttribute(ENROLMENT) instanceof String secret)) {
            return "redirect:/p/" + slug + "/profile/second-factor";
        }
        try {
            List<String> codes = accounts.enableSecondFactor(user, secret, code);
            session.removeAttribute(ENROLMENT);
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("portal", portal);
            model.addAttribute("user", user);
            model.addAttribute("recoveryCodes", codes);
            return "accounts/recovery-codes";
        } catch (PortalAccountException e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("portal", portal);
            model.addAttribute("user", user);
            model.addAttribute("secret", secret);
            model.addAttribute("otpauthUri", accounts.otpauthUri(user, portal.name(), secret));
            return "accounts/second-factor";
        }
    }

    @PostMapping("/p/{slug}/profile/second-factor/disable")
    String disable(@PathVariable String slug, @AuthenticationPrincipal PortalPrincipal user,
                   @RequestParam(defaultValue = "") String currentPassword, RedirectAttributes flash) {
        pages.require(slug);
        try {
            accounts.disableSecondFactor(user, currentPassword);
            flash.addFlashAttribute("notice", "portal.twoFactor.disabled");
        } catch (PortalAccountException e) {
            flash.addFlashAttribute("problem", "portal.twoFactor.error.disable");
        }
        return "redirect:/p/" + slug + "/profile";
    }

    private void addProfile(String slug, PortalPrincipal user, Model model, HttpServletRequest request) {
        model.addAttribute("portal", pages.require(slug));
        model.addAttribute("user", user);
        PortalAccounts.Account account = accounts.find(user.id()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("recoveryCodesLeft", accounts.unusedRecoveryCodes(user.id()));
        model.addAttribute("contactCard", contactProfile.card(user.id()).orElse(null));
        // Times are formatted by the site's PortalFormats (the "fmt" model attribute), in the user's zone and format.
        model.addAttribute("openSessions", sessions.list(user, request.getSession().getId()).stream()
                .map(s -> new SessionRow(s.userAgent() == null || s.userAgent().isBlank() ? null : s.userAgent(),
                        s.signedInAt(), s.lastAccessedAt(), s.current()))
                .toList());
        // Languages in their own names (a reader finds "Deutsch" whatever the page speaks), countries in the reader's.
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("languages", OrganizationProfile.LANGUAGES.stream()
                .map(l -> new Option(l, Locale.forLanguageTag(l).getDisplayLanguage(Locale.forLanguageTag(l)))).toList());
        model.addAttribute("timeFormats", TimeFormat.values());
        model.addAttribute("zones", ZONES);
        model.addAttribute("countries", COUNTRIES.stream()
                .map(c -> new Option(c, Locale.of("", c).getDisplayCountry(locale)))
                .sorted(java.util.Comparator.comparing(Option::label, java.text.Collator.getInstance(locale)))
                .toList());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
    }

    /** A choice in a select: the value sent, the label shown. */
    record Option(String value, String label) {
    }

    /** An open session as the profile lists it. */
    record SessionRow(String userAgent, java.time.Instant signedInAt, java.time.Instant lastAccessedAt, boolean current) {
    }
}
