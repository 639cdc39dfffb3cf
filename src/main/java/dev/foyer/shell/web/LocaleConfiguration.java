package dev.foyer.shell.web;

import java.util.List;
import java.util.Locale;

import dev.foyer.accounts.PortalLocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The staff UI language follows the browser among the languages the staff UI ships, English
 * otherwise. Portal pages ({@code /p/**}) speak their user's chosen language instead (issue 7 item
 * 11), which the accounts module's {@link PortalLocaleResolver} decides.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

    @Bean
    LocaleResolver localeResolver(PortalLocaleResolver portal) {
        AcceptHeaderLocaleResolver staff = new AcceptHeaderLocaleResolver();
        staff.setSupportedLocales(List.of(Locale.ENGLISH));
        staff.setDefaultLocale(Locale.ENGLISH);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return PortalLocaleResolver.handles(request) ? portal.resolveLocale(request) : staff.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("The UI language follows the browser or the portal user's preference");
            }
        };
    }
}
