package dev.foyer.portal;

/** What was done to a record (EXP-7, EXP-9). */
public enum ActivityKind {
    COMMENTED, UPLOADED, OPENED, CREATED, EDITED, CLONED, DELETED, SHARED, STATUS_CHANGED, SENT, ACCEPTED, DECLINED
}
