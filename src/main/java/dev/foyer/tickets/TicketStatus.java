package dev.foyer.tickets;

import java.util.EnumSet;
import java.util.Set;

/**
 * A ticket's lifecycle: open and pending tickets move freely between each other and on to resolved
 * or closed; a resolved ticket is reopened or closed; a closed ticket only reopens.
 */
public enum TicketStatus {
    OPEN, PENDING, RESOLVED, CLOSED;

    /** The statuses this one may change to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(PENDING, RESOLVED, CLOSED);
            case PENDING -> EnumSet.of(OPEN, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return target != null && next().contains(target);
    }

    /** Resolved and closed tickets are done; they keep the time they were resolved. */
    public boolean done() {
        return this == RESOLVED || this == CLOSED;
    }
}
