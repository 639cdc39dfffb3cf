package dev.foyer.portal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** PRT-1: a portal's URL slug: lowercase a–z, 0–9 and single hyphens, at most {@value #MAX} characters. */
public final class Slugs {

    public static final int MAX = 60;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX && VALID.matcher(slug).matches();
    }

    /** The slug a name suggests: accents dropped, everything else but letters and digits becomes a hyphen. */
    public static String fromName(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "portal" : slug;
    }

    /** The slug with a counter, kept within {@value #MAX} characters: {@code customers-2}. */
    static String numbered(String slug, int n) {
        String suffix = "-" + n;
        String base = slug.length() + suffix.length() > MAX ? slug.substring(0, MAX - suffix.length()) : slug;
        return base.replaceAll("-+$", "") + suffix;
    }
}
