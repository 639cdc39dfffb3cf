package dev.foyer.finance.web;

import java.util.Optional;
import java.util.UUID;

import dev.foyer.finance.FinanceException;
import dev.foyer.finance.FinancePdfs;
import dev.foyer.identity.StaffUserId;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

/** Small helpers the finance controllers share. */
final class FinanceWeb {

    static final int PAGE_SIZE = 25;

    private FinanceWeb() {
    }

    static PageRequest page(int page, int size) {
        return PageRequest.of(Math.max(0, page), size);
    }

    /** A PDF sent as a download that browsers never sniff into something else. */
    static ResponseEntity<byte[]> attachment(FinancePdfs.Pdf pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.fileName())
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf.content());
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    static void reject(BindingResult errors, FinanceException e) {
        e.problems().forEach((field, key) -> {
            if (field.isEmpty()) {
                errors.reject(key);
            } else {
                errors.rejectValue(field, key);
            }
        });
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(Enum.valueOf(type, text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static StaffUserId staffUser(String text) {
        try {
            return text == null || text.isBlank() ? null : new StaffUserId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
