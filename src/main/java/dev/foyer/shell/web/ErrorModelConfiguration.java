package dev.foyer.shell.web;

import java.util.Map;

import dev.foyer.identity.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages in Foyer's look (templates/error/403, 404, 5xx). Controller advice does not reach
 * Boot's error controller, so the shell's model is added here.
 */
@Configuration(proxyBeanMethods = false)
class ErrorModelConfiguration {

    @Bean
    ErrorViewResolver foyerErrorViews() {
        return (HttpServletRequest request, HttpStatus status, Map<String, Object> model) -> {
            String view = switch (status.value()) {
                case 403 -> "error/403";
                case 404 -> "error/404";
                default -> status.is5xxServerError() ? "error/5xx" : "error";
            };
            ModelAndView page = new ModelAndView(view, Map.of("status", status.value()), status);
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff) {
                page.addObject("shellUser", staff);
            }
            return page;
        };
    }
}
