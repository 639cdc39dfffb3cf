package dev.foyer.portal;

/**
 * A portal write aimed at what the user may not see or may not do (PRT-3), or at what does not
 * exist: all answer the same 404 page as an unknown id (ACC-10) and change nothing (ACC-12). The
 * reason, when given, is for the log only; no stack trace is kept (it is an answer, not a fault).
 */
public class PortalRecordNotFound extends RuntimeException {

    public PortalRecordNotFound() {
        this("Not found");
    }

    public PortalRecordNotFound(String why) {
        super(why, null, false, false);
    }
}
