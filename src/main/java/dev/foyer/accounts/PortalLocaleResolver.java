package dev.foyer.accounts;

import java.util.Locale;

import dev.foyer.organization.OrganizationProfile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The UI language of portal pages ({@code /p/**}, issue 7 item 11): a signed-in portal user's own
 * choice (LIF-2: chosen when accepting the invitation or later in the preferences), read fresh for
 * each request so a change shows on the next page; before sign-in, the browser's Accept-Language
 * among the languages Foyer ships, English otherwise. The staff side keeps its own resolver
 * (shell); this one is only asked for portal paths.
 */
@Component
public class PortalLocaleResolver implements LocaleResolver {

    private static final String RESOLVED = PortalLocaleResolver.class.getName() + ".locale";

    private final AccountLanguagesFromAccounts languages;
    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    PortalLocaleResolver(AccountLanguagesFromAccounts languages) {
        this.languages = languages;
        browser.setSupportedLocales(OrganizationProfile.LANGUAGES.stream().map(Locale::forLanguageTag).toList());
        browser.setDefaultLocale(Locale.ENGLISH);
    }

    /** Whether the request is a portal page, whose language this resolver decides. */
    public static boolean handles(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/p") || path.startsWith("/p/");
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        // Resolved once per request: Thymeleaf and the dispatcher may ask several times.
        if (request.getAttribute(RESOLVED) instanceof Locale known) {
            return known;
        }
        Locale locale = chosen().orElseGet(() -> browser.resolveLocale(request));
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    private java.util.Optional<Locale> chosen() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
            return java.util.Optional.empty();
        }
        return languages.chosen(principal.id()).filter(OrganizationProfile.LANGUAGES::contains).map(Locale::forLanguageTag);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The portal's language is the user's preference (LIF-2)");
    }
}
