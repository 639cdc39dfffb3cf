package dev.foyer.portal;

/** LIF-1: a portal user's status; every status but INACTIVE holds a seat (PRT-1). */
public enum PortalUserStatus {
    AWAITING, PENDING, ACTIVE, INACTIVE;

    public boolean holdsSeat() {
        return this != INACTIVE;
    }
}
