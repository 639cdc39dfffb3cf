package dev.foyer.portal;

/** PRT-3: what a user type may do in a module besides viewing it. */
public enum PortalAction {
    CREATE, EDIT_OWN, EDIT_SHARED, DELETE_OWN, CLONE
}
