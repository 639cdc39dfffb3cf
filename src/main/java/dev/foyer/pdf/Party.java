package dev.foyer.pdf;

import java.util.List;

/** A seller or customer as printed: name, address lines (top to bottom), e-mail and phone (each may be null). */
public record Party(String name, List<String> addressLines, String email, String phone) {

    public Party {
        addressLines = addressLines == null ? List.of()
                : addressLines.stream().filter(line -> line != null && !line.isBlank()).toList();
    }
}
