package dev.foyer.api;

import org.springframework.data.domain.PageRequest;

/**
 * The {@code page} and {@code size} parameters of every list: page is zero-based (negative: 400),
 * size defaults to {@value #DEFAULT_SIZE}, is at least 1 (less: 400) and is clamped to
 * {@value #MAX_SIZE}.
 */
public final class ApiPaging {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    private ApiPaging() {
    }

    /** Both may be null (the parameter was not given). */
    public static PageRequest of(Integer page, Integer size) {
        int number = page == null ? 0 : page;
        if (number < 0) {
            throw new InvalidApiRequestException("page", "must be 0 or more");
        }
        int wanted = size == null ? DEFAULT_SIZE : size;
        if (wanted < 1) {
            throw new InvalidApiRequestException("size", "must be 1 or more");
        }
        return PageRequest.of(number, Math.min(wanted, MAX_SIZE));
    }
}
