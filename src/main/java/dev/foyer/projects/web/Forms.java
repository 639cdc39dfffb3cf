package dev.foyer.projects.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
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

    /** Rejects what could not even be read (a date that is not a date); true if there was any. */
    static boolean rejectTyping(BindingResult errors, Map<String, String> problems) {
        problems.forEach((field, key) -> errors.rejectValue(field, key));
        return errors.hasErrors();
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

    /** A date as typed (yyyy-MM-dd); null if empty or not a date (see {@link #checkDate}). */
    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A date and time as a datetime-local input sends it (yyyy-MM-ddTHH:mm, seconds optional). */
    static LocalDateTime dateTime(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDateTime.parse(text.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(LocalDateTime value) {
        return value == null ? "" : value.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    /** Notes a problem for a date field that has text that is not a date. */
    static void checkDate(Map<String, String> problems, String field, String text) {
        if (text != null && !text.isBlank() && date(text) == null) {
            problems.put(field, "projects.error.date");
        }
    }

    static void checkDateTime(Map<String, String> problems, String field, String text) {
        if (text != null && !text.isBlank() && dateTime(text) == null) {
            problems.put(field, "projects.error.dateTime");
        }
    }

    /** An enum value by name; null if empty or unknown (the details then name the problem). */
    static <E extends Enum<E>> E status(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
