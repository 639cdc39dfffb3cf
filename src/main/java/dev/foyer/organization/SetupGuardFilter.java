package dev.foyer.organization;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** Until setup has completed, every page leads to the setup page. */
@Configuration(proxyBeanMethods = false)
class SetupGuardFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> setupGuard(Organizations organizations) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return path.startsWith("/setup") || path.startsWith("/css/") || path.startsWith("/js/")
                        || path.startsWith("/images/") || path.startsWith("/webjars/") || path.startsWith("/actuator/")
                        || path.equals("/error") || path.equals("/favicon.ico");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (!organizations.isSetUp()) {
                    response.sendRedirect(request.getContextPath() + "/setup");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        // Ahead of Spring Security, which would otherwise send an unset Foyer to a sign-in page.
        registration.setOrder(-1000);
        return registration;
    }
}
