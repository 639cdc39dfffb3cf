package dev.foyer.directory.web;

import dev.foyer.directory.DirectoryException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

/** Small helpers the directory's controllers share. */
final class Forms {

    static final int PAGE_SIZE = 25;

    private Forms() {
    }

    static PageRequest page(int page) {
        return PageRequest.of(Math.max(0, page), PAGE_SIZE);
    }

    static void reject(BindingResult errors, DirectoryException e) {
        e.problems().forEach((field, key) -> {
            if (field.isEmpty()) {
                errors.reject(key);
            } else {
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
}
