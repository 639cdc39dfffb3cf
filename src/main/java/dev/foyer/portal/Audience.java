package dev.foyer.portal;

/** Whom a portal is for (PRT-1, seed 003); the first portal is for customers only. */
public enum Audience {
    CUSTOMERS, VENDORS, PARTNERS
}
