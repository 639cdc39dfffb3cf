package dev.foyer.portal;

/** PRT-4: how a user type sees one field; a hidden field never reaches the portal user (ACC-8). */
public enum FieldAccess {
    HIDDEN, READ_ONLY, EDITABLE
}
