package dev.foyer.audit;

import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads a stored history value as people read it: a status or priority kept as {@code IN_PROGRESS} shows the label
 * the record's own pages use ({@code <recordType>.<field>.<VALUE>}, e.g. {@code task.status.IN_PROGRESS}), and
 * {@code true}/{@code false} show as yes/no; failing that, a label shared by records of several types
 * ({@code history.value.<field>.<VALUE>}, e.g. the statuses of quotes, invoices, orders and contracts). Anything else
 * is shown as stored (and escaped by the template).
 */
@Component("historyLabels")
public class HistoryLabels {

    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final MessageSource messages;

    HistoryLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String label(String recordType, String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return message("history.value." + value, value);
        }
        if (CONSTANT.matcher(value).matches()) {
            return message(recordType + "." + field + "." + value,
                    message("history.value." + field + "." + value, value));
        }
        return value;
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
