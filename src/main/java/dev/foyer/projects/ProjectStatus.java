package dev.foyer.projects;

public enum ProjectStatus {
    ACTIVE, ON_HOLD, COMPLETED
}
