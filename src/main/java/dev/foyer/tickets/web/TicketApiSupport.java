package dev.foyer.tickets.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.foyer.api.ApiFieldError;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ExpectedVersion;
import dev.foyer.api.ExternalRef;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.directory.Upserted;
import dev.foyer.tickets.TicketException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What the tickets' API controllers share: 400s from the domain's messages, 404s, ids, upsert answers. */
@Component
class TicketApiSupport {

    private static final String NOT_FOUND = "record.error.notFound";
    /** The domain names a few fields as the staff forms do; the API's JSON names them with "Id". */
    private static final java.util.Map<String, String> API_FIELDS = java.util.Map.of("company", "companyId",
            "assignee", "assigneeId");

    private final MessageSource messages;

    TicketApiSupport(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The domain's refusal as the API answers it: "this record does not exist" as 404, otherwise a
     * 400 with one entry per field (after {@code earlier} problems the controller found), in English.
     */
    RuntimeException refused(TicketException e, List<ApiFieldError> earlier, String what) {
        if (earlier.isEmpty() && e.problems().size() == 1 && NOT_FOUND.equals(e.problems().get(""))) {
            return new ApiNotFoundException(what);
        }
        List<ApiFieldError> errors = new ArrayList<>(earlier);
        e.problems().forEach((field, key) -> {
            String name = field.isEmpty() ? null : API_FIELDS.getOrDefault(field, field);
            // One entry per field: "company" is already answered by a problem with companyId or companyExternalRef.
            if (errors.stream().noneMatch(error -> name != null && error.field() != null
                    && error.field().startsWith(field))) {
                errors.add(new ApiFieldError(name, messages.getMessage(key, null, key, Locale.ENGLISH)));
            }
        });
        return new InvalidApiRequestException(errors);
    }

    RuntimeException refused(TicketException e, String what) {
        return refused(e, List.of(), what);
    }

    static <T> T id(String text, Function<String, Optional<T>> parser, String what) {
        return parser.apply(text).orElseThrow(() -> new ApiNotFoundException(what));
    }

    /** A reference from the path (or the {@code ref} parameter, for references containing a slash). */
    static String externalRef(String ref) {
        return ExternalRef.required(ref);
    }

    /** An optional reference from a request body: null or empty means none. */
    static String optionalExternalRef(String ref) {
        ExternalRef value = ExternalRef.ofNullable(ref);
        return value == null ? null : value.value();
    }

    /** A staff user's id from a body, collecting a malformed one as a problem of {@code field}. */
    static UUID uuid(String text, String field, List<ApiFieldError> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new ApiFieldError(field, "is not an id"));
            return null;
        }
    }

    static <E extends Enum<E>> E value(Class<E> type, String text, String field, List<ApiFieldError> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ApiFieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, ExpectedVersion.etag(version)).body(body);
    }

    static <T> ResponseEntity<T> created(T body, long version, String location) {
        return ResponseEntity.created(URI.create(location)).header(HttpHeaders.ETAG, ExpectedVersion.etag(version))
                .body(body);
    }

    static <T, R> ResponseEntity<R> upserted(Upserted<T> result, Function<T, R> representation,
                                             Function<T, String> location, Function<T, Long> version) {
        R body = representation.apply(result.record());
        long v = version.apply(result.record());
        return result.created() ? created(body, v, location.apply(result.record()))
                : ResponseEntity.status(HttpStatus.OK).header(HttpHeaders.ETAG, ExpectedVersion.etag(v)).body(body);
    }
}
