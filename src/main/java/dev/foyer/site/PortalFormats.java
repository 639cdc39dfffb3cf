package dev.foyer.site;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import dev.foyer.organization.TimeFormat;

/**
 * Dates, times, amounts and sizes in the portal user's preferences (LIF-2: language and country
 * make the locale, time format 12 or 24 hours, time zone for moments), or the organization's
 * defaults. Every portal page formats through it (issue 7 item 11): templates call it as
 * {@code ${fmt.date(d)}}; a null (a hidden field, ACC-8) formats as an empty string. Dates are
 * written out ("1. November 2026", "November 1, 2026") so no reader mistakes day and month.
 */
public final class PortalFormats {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dateTime;

    public PortalFormats(String language, String country, TimeFormat timeFormat) {
        this(language, country, timeFormat, null);
    }

    /** {@code timeZone} places moments (an {@link Instant}) on the user's clock; UTC when unknown. */
    public PortalFormats(String language, String country, TimeFormat timeFormat, String timeZone) {
        this.locale = Locale.of(language == null || language.isBlank() ? "en" : language,
                country == null ? "" : country);
        this.zone = zone(timeZone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        // The user's 12/24-hour choice wins over the locale's habit (LIF-2).
        this.time = DateTimeFormatter.ofPattern(timeFormat == TimeFormat.H12 ? "h:mm a" : "HH:mm", locale);
        this.dateTime = DateTimeFormatter.ofPattern(
                java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.LONG, null,
                        java.time.chrono.IsoChronology.INSTANCE, locale) + ", " + (timeFormat == TimeFormat.H12 ? "h:mm a" : "HH:mm"),
                locale);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A moment (sign-in, a comment's time) as date and time on the user's clock (named apart from
     * {@code dateTime(LocalDateTime)} so a null from a template never picks the wrong overload). */
    public String moment(Instant value) {
        return value == null ? "" : dateTime.format(value.atZone(zone));
    }

    /** A moment's time of day on the user's clock, 12 or 24 hours. */
    public String momentTime(Instant value) {
        return value == null ? "" : time.format(value.atZone(zone));
    }

    /** A moment's date on the user's clock. */
    public String momentDate(Instant value) {
        return value == null ? "" : date.format(value.atZone(zone));
    }

    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    /** Event times are kept as wall-clock times of the organization; shown as they are. */
    public String dateTime(LocalDateTime value) {
        return value == null ? "" : dateTime.format(value);
    }

    /** An amount with its currency's symbol and decimals, grouped as the user's locale groups numbers. */
    public String money(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            Currency currency = Currency.getInstance(currencyCode);
            format.setCurrency(currency);
            format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
            format.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        } catch (IllegalArgumentException | NullPointerException e) {
            return NumberFormat.getNumberInstance(locale).format(amount) + (currencyCode == null ? "" : " " + currencyCode);
        }
        return format.format(amount);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A file size for people: bytes, KB, MB or GB (1024-based), one decimal above bytes. */
    public String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024) {
            return number(bytes) + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value) + " " + units[unit];
    }

    /** Done of shared tasks as a whole percentage (EXP-2); 0 when nothing is shared. */
    public int percent(long done, long total) {
        return total <= 0 ? 0 : (int) Math.min(100, Math.round(done * 100.0 / total));
    }
}
