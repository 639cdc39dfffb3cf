package dev.foyer.portal;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A brand colour (PRT-7): always {@code #rrggbb} in lower case. Only this form is accepted, so a
 * colour written into brand.css can never end its declaration and add CSS of its own (ADR 011).
 */
public record BrandingColour(String hex) {

    private static final Pattern SIX = Pattern.compile("#[0-9a-f]{6}");
    private static final Pattern INPUT = Pattern.compile("#?([0-9a-f]{3}|[0-9a-f]{6})");

    public static final BrandingColour WHITE = new BrandingColour("#ffffff");

    public BrandingColour {
        Objects.requireNonNull(hex, "hex");
        if (!SIX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a #rrggbb colour");
        }
    }

    /** What an admin typed: {@code #1d4e89}, {@code 1D4E89} or {@code #fff}; anything else is empty. */
    public static Optional<BrandingColour> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        var matcher = INPUT.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digits = matcher.group(1);
        if (digits.length() == 3) {
            digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                    + digits.charAt(2) + digits.charAt(2);
        }
        return Optional.of(new BrandingColour("#" + digits));
    }

    int red() {
        return Integer.parseInt(hex.substring(1, 3), 16);
    }

    int green() {
        return Integer.parseInt(hex.substring(3, 5), 16);
    }

    int blue() {
        return Integer.parseInt(hex.substring(5, 7), 16);
    }

    @Override
    public String toString() {
        return hex;
    }
}
