package dev.foyer.files.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A too-large upload that {@link UploadLimitFilter} did not catch (another path, another servlet
 * container) ends here instead of an error page: the person is led back to the owner's page with
 * a clear message. Only the raw query string is read; the body cannot be. The multipart request is
 * refused before any handler is chosen, so the API's own advice does not see it: an upload to
 * {@code /api/**} gets a 413 ProblemDetail here.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    private static final Logger log = LoggerFactory.getLogger(UploadTooLargeAdvice.class);
    private static final java.util.regex.Pattern PORTAL_UPLOAD = java.util.regex.Pattern.compile(
            "/p/[a-z0-9-]{1,100}/(projects|tickets)/[0-9a-fA-F-]{36}/files");

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(HttpServletRequest request) {
        log.info("Upload refused: larger than the limit");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The file is larger than the server accepts. Nothing was stored.");
            problem.setInstance(URI.create(path));
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        if (PORTAL_UPLOAD.matcher(path).matches()) {
            // A portal upload (site's PortalUploadLimitFilter normally catches it): back to its record's page.
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create(request.getContextPath() + path + "/too-large")).build();
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(request.getContextPath() + UploadLimitFilter.tooLargeLocation(request.getQueryString())))
                .build();
    }
}
