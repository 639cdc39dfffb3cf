package dev.foyer.organization;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows instants in the organization's time zone and time format. Templates call it as
 * {@code ${@dates.dateTime(instant)}}.
 */
@Component("dates")
public class DateDisplay {

    private final Organizations organizations;

    DateDisplay(Organizations organizations) {
        this.organizations = organizations;
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var profile = organizations.current().map(Organization::profile);
        ZoneId zone = profile.map(p -> ZoneId.of(p.timeZone())).orElse(ZoneId.of("UTC"));
        boolean twelveHours = profile.map(p -> p.timeFormat() == TimeFormat.H12).orElse(false);
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(twelveHours ? "yyyy-MM-dd h:mm a" : "yyyy-MM-dd HH:mm",
                locale);
        return format.format(instant.atZone(zone));
    }
}
