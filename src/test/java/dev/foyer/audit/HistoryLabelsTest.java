package dev.foyer.audit;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3 item 6: a record's history reads stored constants as the labels its pages use. */
class HistoryLabelsTest {

    private final HistoryLabels labels = new HistoryLabels(bundle());

    @Test
    void statusesPrioritiesAndSwitchesReadAsTheirLabels() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.label("ticket", "priority", "URGENT")).isEqualTo("Urgent");
        assertThat(labels.label("task", "status", "IN_PROGRESS")).isEqualTo("In progress");
        assertThat(labels.label("project", "status", "ON_HOLD")).isEqualTo("On hold");
        assertThat(labels.label("invoice", "status", "PARTLY_PAID")).as("a label shared by record types")
                .isEqualTo("Partly paid");
        assertThat(labels.label("project_comment", "shared", "true")).isEqualTo("Yes");
        assertThat(labels.label("contact", "locked", "false")).isEqualTo("No");
    }

    @Test
    void everythingElseStaysAsStored() {
        assertThat(labels.label("company", "name", "ACME")).as("a name that looks like a constant").isEqualTo("ACME");
        assertThat(labels.label("company", "name", "Acme GmbH")).isEqualTo("Acme GmbH");
        assertThat(labels.label("ticket", "status", null)).isNull();
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
