package dev.foyer.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @RestController} as part of the REST API under /api/v1: its errors become
 * ProblemDetail bodies (validation 400 with {@code errors}, 403, 404, stale version 409, 500
 * without internals). Every {@code @RestController} in Foyer carries it (ArchitectureTests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiController {
}
