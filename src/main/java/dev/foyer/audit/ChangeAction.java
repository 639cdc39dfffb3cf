package dev.foyer.audit;

public enum ChangeAction {
    CREATED, UPDATED, DELETED, RESTORED
}
