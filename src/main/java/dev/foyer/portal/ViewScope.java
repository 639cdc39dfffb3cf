package dev.foyer.portal;

/**
 * PRT-3: which records of a module a user type sees. OWN: linked to the portal user's contact or
 * created by them; ACCOUNT: any record of the companies in the portal user's scope (ACC-1).
 */
public enum ViewScope {
    NONE, OWN, ACCOUNT
}
