package dev.foyer.files.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import dev.foyer.files.OwnerRef;
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
 * An upload over the servlet container's size limit cannot be read at all, not even its CSRF
 * token, so Spring Security would refuse it with a bare 403 (Tomcat 11 even throws on reading any
 * parameter). This filter runs first for uploads to /files: it reads the parts, and when they are
 * too large it sends the person to {@code GET /files/too-large} with the owner named in the upload
 * form's query string, which leads back to the owner's page with a clear message.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitFilter {

    private static final Logger log = LoggerFactory.getLogger(UploadLimitFilter.class);
    static final String TOO_LARGE_PATH = "/files/too-large";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimit() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                String contentType = request.getContentType();
                return !("POST".equals(request.getMethod()) && "/files".equals(path) && contentType != null
                        && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/"));
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
                    log.info("Upload refused before reading: larger than the limit");
                    response.sendRedirect(request.getContextPath() + tooLargeLocation(request.getQueryString()));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        // After Spring Session (so the later request finds its session), ahead of Spring Security (order -100).
        registration.setOrder(-110);
        return registration;
    }

    /** Where a refused upload goes: /files/too-large with the owner taken from the raw query string, if well formed. */
    static String tooLargeLocation(String queryString) {
        String ownerType = null;
        String ownerId = null;
        if (queryString != null) {
            for (String pair : queryString.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq);
                String value = decode(pair.substring(eq + 1));
                if (name.equals("ownerType")) {
                    ownerType = value;
                } else if (name.equals("ownerId")) {
                    ownerId = value;
                }
            }
        }
        if (!OwnerRef.isValidType(ownerType) || !isUuid(ownerId)) {
            return TOO_LARGE_PATH;
        }
        return TOO_LARGE_PATH + "?ownerType=" + URLEncoder.encode(ownerType, StandardCharsets.UTF_8) + "&ownerId="
                + URLEncoder.encode(ownerId, StandardCharsets.UTF_8);
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

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isUuid(String text) {
        try {
            return text != null && UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
