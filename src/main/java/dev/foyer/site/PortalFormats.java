package dev.foyer.site;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import dev.foyer.organization.TimeFormat;

/**
 * Dates, times, amounts and sizes in the portal user's preferences (LIF-2: language and country
 * make the locale, time format 12 or 24 hours), or the organization's defaults. Templates call it
 * as {@code ${fmt.date(d)}}; a null (a hidden field, ACC-8) formats as an empty string.
 */
public final class PortalFormats {

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public PortalFormats(String language, String country, TimeFormat timeFormat) {
        this.locale = Locale.of(language == null || language.isBlank() ? "en" : language,
                country == null ? "" : country);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String time = timeFormat == TimeFormat.H12 ? "h:mm a" : "HH:mm";
        this.dateTime = DateTimeFormatter.ofPattern(
                java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, null,
                        java.time.chrono.IsoChronology.INSTANCE, locale) + " " + time, locale);
    }

    public Locale locale() {
        return locale;
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
