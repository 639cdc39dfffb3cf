package dev.foyer.portal;

/** PRT-8: whom staff preview the portal as — a user type with a company, or one contact's portal user. */
public enum PreviewKind {
    USER_TYPE, CONTACT
}
