package dev.foyer.api;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list answer: {@code items}, the zero-based {@code page}, the page {@code size}
 * actually used (after clamping, see {@link ApiPaging}), {@code totalItems} and {@code totalPages}.
 */
public record ApiPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public ApiPage {
        items = List.copyOf(items);
    }

    public static <S, T> ApiPage<T> of(Page<S> page, Function<? super S, ? extends T> representation) {
        return new ApiPage<>(page.getContent().stream().<T>map(representation).toList(), page.getNumber(),
                page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
