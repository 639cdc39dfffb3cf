package dev.foyer.files.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A too-large upload that {@link UploadLimitFilter} did not catch (another path, another servlet
 * container) ends here instead of an error page: the person is led back to the owner's page with
 * a clear message. Only the raw query string is read; the body cannot be.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    private static final Logger log = LoggerFactory.getLogger(UploadTooLargeAdvice.class);

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        log.info("Upload refused: larger than the limit");
        return "redirect:" + UploadLimitFilter.tooLargeLocation(request.getQueryString());
    }
}
