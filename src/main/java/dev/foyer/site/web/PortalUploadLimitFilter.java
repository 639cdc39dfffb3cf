package dev.foyer.site.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * ADR 003 for the portal: an upload to {@code /p/<slug>/projects|tickets/<id>/files} over the size
 * limit cannot be read, not even its CSRF token, so the portal's security chain would answer a bare
 * 403. This filter runs before Spring Security for exactly those paths; when the parts are too large
 * it sends the user to {@code GET …/files/too-large} on the same record, a harmless read behind the
 * portal's security that leads back to the page with the message next to the upload field. The
 * path alone names the record, so nothing of the body is needed. Nothing is stored.
 */
@Configuration(proxyBeanMethods = false)
class PortalUploadLimitFilter {

    private static final Logger log = LoggerFactory.getLogger(PortalUploadLimitFilter.class);
    private static final Pattern UPLOAD = Pattern.compile(
            "/p/([a-z0-9-]{1,100})/(projects|tickets)/([0-9a-fA-F-]{36})/files");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> portalUploadLimit() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String contentType = request.getContentType();
                return !("POST".equals(request.getMethod()) && contentType != null
                        && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                        && UPLOAD.matcher(path(request)).matches());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                try {
                    request.getParts();
                } catch (IllegalStateException | IOException | ServletException e) {
                    if (!isSizeProblem(e)) {
                        throw e;
                    }
                    log.info("Portal upload refused before reading: larger than the limit");
                    response.sendRedirect(request.getContextPath() + tooLargeLocation(path(request)));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        // As the staff filter (ADR 003): after Spring Session, ahead of Spring Security (order -100).
        registration.setOrder(-110);
        return registration;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The GET a refused upload to {@code path} is sent to: the same record's {@code files/too-large}. */
    static String tooLargeLocation(String path) {
        Matcher m = UPLOAD.matcher(path);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a portal upload path");
        }
        return "/p/" + m.group(1) + "/" + m.group(2) + "/" + m.group(3).toLowerCase(Locale.ROOT) + "/files/too-large";
    }

    static boolean isSizeProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if ((message.contains("exceed") && (message.contains("size") || message.contains("length")))
                    || cause.getClass().getSimpleName().contains("SizeLimitExceeded")) {
                return true;
            }
        }
        return false;
    }
}
