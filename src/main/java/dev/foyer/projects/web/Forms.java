package dev.foyer.projects.web;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffUserId;
import dev.foyer.projects.ProjectsException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

/** Small helpers the projects' controllers share. */
final class Forms {

    static final int PAGE_SIZE = 25;

    private Forms() {
    }

    static PageRequest page(int page) {
        return page(page, PAGE_SIZE);
    }

    static PageRequest page(int page, int size) {
        return PageRequest.of(Math.max(0, page), size);
    }

    /** Adds the problems to the form; a field that already failed to bind keeps that message. */
    static void reject(BindingResult errors, ProjectsException e) {
        e.problems().forEach((field, key) -> {
            if (field.isEmpty()) {
                errors.reject(key);
            } else if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, key);
            }
        });
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    static boolean checked(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    static Optional<StaffUserId> staffUserId(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty()
                    : Optional.of(new StaffUserId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
