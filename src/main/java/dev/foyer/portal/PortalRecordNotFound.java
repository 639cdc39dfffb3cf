package dev.foyer.portal;

/**
 * A portal write aimed at what the user may not see or may not do, or at what does not exist: all
 * answer the same (ACC-10) and change nothing (ACC-12). The site turns it into its 404 page.
 */
public class PortalRecordNotFound extends RuntimeException {

    public PortalRecordNotFound() {
        super("Not found", null, false, false);
    }
}
