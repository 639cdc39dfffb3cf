package dev.foyer.portal;

/**
 * PRODUCT.md §1: a customer portal user's scope is its contact's company; a consolidated one's is
 * every company of that company's consolidated account (ACC-1, seed 001).
 */
public enum PortalUserKind {
    CUSTOMER, CONSOLIDATED
}
