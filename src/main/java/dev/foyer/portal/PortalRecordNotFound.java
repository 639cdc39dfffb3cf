package dev.foyer.portal;

/**
 * A portal write refused because the record is not visible to the user, does not exist, or the
 * user's type does not grant the action (PRT-3): pages answer it with the same 404 as an unknown
 * id (ACC-10), and nothing was changed (ACC-12).
 */
public class PortalRecordNotFound extends RuntimeException {

    public PortalRecordNotFound(String why) {
        super(why);
    }
}
