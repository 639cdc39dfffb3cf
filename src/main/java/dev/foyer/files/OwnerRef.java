package dev.foyer.files;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The record a file is attached to: its kind (as a {@link FileOwnerAccess} names it, e.g.
 * {@code project}) and its id.
 */
public record OwnerRef(String type, UUID id) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,49}");

    public OwnerRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("An owner type is 1 to 50 lower-case letters, digits or dashes");
        }
    }

    /** Whether text is a well-formed owner type. */
    public static boolean isValidType(String type) {
        return type != null && TYPE.matcher(type).matches();
    }
}
