package dev.foyer.projects;

public enum TaskStatus {
    OPEN, IN_PROGRESS, DONE
}
