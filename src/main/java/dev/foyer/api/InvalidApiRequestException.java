package dev.foyer.api;

import java.util.List;

/** A request the API refuses with 400 and an {@code errors} list of field and message. */
public class InvalidApiRequestException extends RuntimeException {

    private final List<ApiFieldError> errors;

    public InvalidApiRequestException(String field, String message) {
        this(List.of(new ApiFieldError(field, message)));
    }

    public InvalidApiRequestException(List<ApiFieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<ApiFieldError> errors() {
        return errors;
    }
}
