package dev.foyer.files;

import java.util.Locale;

/** Sizes for people: 512 B, 1.5 KB, 25 MB. */
final class FileSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private FileSizes() {
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + UNITS[unit];
    }
}
