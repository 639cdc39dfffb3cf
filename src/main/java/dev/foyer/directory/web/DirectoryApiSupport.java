package dev.foyer.directory.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import dev.foyer.api.ApiFieldError;
import dev.foyer.api.ApiNotFoundException;
import dev.foyer.api.ExternalRef;
import dev.foyer.api.InvalidApiRequestException;
import dev.foyer.directory.DirectoryException;
import dev.foyer.directory.Upserted;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What the directory's API controllers share: 400s from the domain's messages, ids, upsert answers. */
@Component
class DirectoryApiSupport {

    private final MessageSource messages;

    DirectoryApiSupport(MessageSource messages) {
        this.messages = messages;
    }

    /** The domain's problems as a 400 with one entry per field, in English. */
    InvalidApiRequestException invalid(DirectoryException e) {
        List<ApiFieldError> errors = e.problems().entrySet().stream()
                .map(problem -> new ApiFieldError(problem.getKey().isEmpty() ? null : problem.getKey(),
                        messages.getMessage(problem.getValue(), null, problem.getValue(), Locale.ENGLISH)))
                .toList();
        return new InvalidApiRequestException(errors);
    }

    static <T> T id(String text, Function<String, Optional<T>> parser, String what) {
        return parser.apply(text).orElseThrow(() -> new ApiNotFoundException(what));
    }

    static String externalRef(String ref) {
        return ExternalRef.required(ref);
    }

    static <T, R> ResponseEntity<R> upserted(Upserted<T> result, Function<T, R> representation, String path,
                                             Function<T, Object> id, Function<T, Long> version) {
        R body = representation.apply(result.record());
        var builder = ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.ETAG, "\"" + version.apply(result.record()) + "\"");
        if (result.created()) {
            builder.location(URI.create(path + "/" + id.apply(result.record())));
        }
        return builder.body(body);
    }
}
