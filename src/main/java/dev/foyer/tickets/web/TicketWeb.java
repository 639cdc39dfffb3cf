package dev.foyer.tickets.web;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffUserId;
import dev.foyer.tickets.TicketException;
import dev.foyer.tickets.TicketPriority;
import dev.foyer.tickets.TicketStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

/** Small helpers the tickets' controllers share. */
final class TicketWeb {

    static final int PAGE_SIZE = 25;
    static final int COMMENTS_PAGE_SIZE = 20;

    private TicketWeb() {
    }

    static PageRequest page(int page) {
        return PageRequest.of(Math.max(0, page), PAGE_SIZE);
    }

    static void reject(BindingResult errors, TicketException e) {
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

    static TicketPriority priority(String text) {
        return parse(TicketPriority.class, text).orElse(null);
    }

    static TicketStatus status(String text) {
        return parse(TicketStatus.class, text).orElse(null);
    }

    static StaffUserId staffUser(String text) {
        try {
            return text == null || text.isBlank() ? null : new StaffUserId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(Enum.valueOf(type, text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
