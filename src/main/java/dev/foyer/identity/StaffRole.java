package dev.foyer.identity;

/** PRODUCT.md §1: what a staff user may do. */
public enum StaffRole {
    /** Everything, including portal settings and staff accounts. */
    ADMIN,
    /** Records and inviting portal users. */
    MANAGER,
    /** Records they work on. */
    MEMBER
}
