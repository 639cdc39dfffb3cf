package dev.foyer.portal.web;

import java.util.Map;

import dev.foyer.portal.PortalException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

final class Forms {

    private Forms() {
    }

    static void reject(BindingResult errors, PortalException e) {
        reject(errors, e.problems());
    }

    static void reject(BindingResult errors, Map<String, String> problems) {
        problems.forEach((field, key) -> {
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
}
