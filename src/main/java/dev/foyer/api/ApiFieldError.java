package dev.foyer.api;

/** One entry of a 400 ProblemDetail's {@code errors} list. */
public record ApiFieldError(String field, String message) {
}
