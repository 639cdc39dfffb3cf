package dev.foyer.tickets;

/**
 * PRT-5: whether new ticket comments start shared ("Show on portal"). Until portal settings exist
 * the only bean answers "not shared" ({@link #NOT_SHARED}, declared in {@code TicketsMappings});
 * the portal module replaces it with the organization's sharing defaults.
 */
public interface TicketSharingDefaults {

    TicketSharingDefaults NOT_SHARED = () -> false;

    boolean newCommentsShared();
}
