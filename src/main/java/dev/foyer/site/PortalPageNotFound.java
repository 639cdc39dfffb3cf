package dev.foyer.site;

/**
 * What a portal user may not see, or what does not exist: both end in this, and both answer the
 * same 404 page (ACC-10).
 */
public class PortalPageNotFound extends RuntimeException {

    public PortalPageNotFound() {
        super("Not found", null, false, false);
    }
}
