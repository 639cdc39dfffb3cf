package dev.foyer.tickets;

/**
 * PRT-5: whether new ticket comments start shared ("Show on portal"). The bean (in
 * {@code TicketsMappings}) reads the organization's sharing defaults for comments, kept by the
 * portal module; {@link #NOT_SHARED} is what a test can use to pin it.
 */
public interface TicketSharingDefaults {

    TicketSharingDefaults NOT_SHARED = () -> false;

    boolean newCommentsShared();
}
