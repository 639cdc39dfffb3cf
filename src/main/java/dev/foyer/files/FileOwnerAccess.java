package dev.foyer.files;

import java.util.UUID;

import dev.foyer.api.ApiPrincipal;
import dev.foyer.identity.StaffPrincipal;

/**
 * How a module that keeps records lets files be attached to them: one bean per owner type.
 * {@link StoredFiles} asks it before every read and change, and refuses owner types that no bean
 * handles (deny by default).
 */
public interface FileOwnerAccess {

    /** The owner type this bean answers for, e.g. {@code project}; see {@link OwnerRef#type()}. */
    String ownerType();

    /** Whether the staff user may see the record, and so its files. Unknown records answer false. */
    boolean canRead(StaffPrincipal actor, UUID ownerId);

    /** Whether the staff user may attach, share, unshare and delete the record's files. */
    boolean canAttach(StaffPrincipal actor, UUID ownerId);

    /**
     * Whether the record exists as the REST API shows it to this client (e.g. not in the recycle
     * bin). An API token acts for the organization: it reads and attaches the files of every such
     * record; writes are still limited by the token's scope. Answers false unless a module says
     * otherwise, so an owner type is closed to the API until its module opens it (deny by default).
     */
    default boolean exists(ApiPrincipal client, UUID ownerId) {
        return false;
    }

    /** The staff page of the record, where the files fragment is shown (a path like {@code /projects/…}). */
    String ownerPath(UUID ownerId);
}
