package dev.foyer.files.web;

import java.io.IOException;

import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload larger than the limit cannot even be read, so it never reaches a controller. The
 * upload form names its owner (and carries its CSRF token) in the query string, which is still
 * readable: the person goes back to the owner's page with a clear message instead of an error.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    private static final Logger log = LoggerFactory.getLogger(UploadTooLargeAdvice.class);

    private final StoredFiles files;

    UploadTooLargeAdvice(StoredFiles files) {
        this.files = files;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        StaffPrincipal actor = authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff
                ? staff : null;
        String ownerType = request.getParameter("ownerType");
        String ownerId = request.getParameter("ownerId");
        String back = null;
        if (actor != null && OwnerRef.isValidType(ownerType) && ownerId != null) {
            try {
                OwnerRef owner = new OwnerRef(ownerType, java.util.UUID.fromString(ownerId));
                back = files.ownerPath(actor, owner).filter(FilesController::isLocalPath).orElse(null);
            } catch (IllegalArgumentException e) {
                back = null;
            }
        }
        log.info("Upload refused: larger than {}", files.maxSizeText());
        if (back == null) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return null;
        }
        return FilesController.fail(redirect, back, "files.error.tooLarge");
    }
}
