package dev.foyer.tickets;

import java.util.UUID;

import dev.foyer.api.ApiPrincipal;
import dev.foyer.files.FileOwnerAccess;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.stereotype.Component;

/** Files attach to tickets (issue 3): every staff user who can see a ticket reads and attaches them. */
@Component
class TicketFileOwner implements FileOwnerAccess {

    static final String TYPE = "ticket";

    private final Tickets tickets;

    TicketFileOwner(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public String ownerType() {
        return TYPE;
    }

    @Override
    public boolean canRead(StaffPrincipal actor, UUID ownerId) {
        return actor != null && tickets.find(actor, new TicketId(ownerId)).isPresent();
    }

    @Override
    public boolean canAttach(StaffPrincipal actor, UUID ownerId) {
        // Anyone who may comment on a ticket may attach a file to it, as in a reply with an attachment.
        return canRead(actor, ownerId);
    }

    /** An API token reaches the files of every ticket the API shows (its company is not in the recycle bin). */
    @Override
    public boolean exists(ApiPrincipal client, UUID ownerId) {
        return client != null && ownerId != null && tickets.find(client, new TicketId(ownerId)).isPresent();
    }

    @Override
    public String ownerPath(UUID ownerId) {
        return "/tickets/" + ownerId;
    }
}
