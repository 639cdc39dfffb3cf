package dev.foyer.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A template's HTML, parsed and checked: its placeholders are well-formed and name only fields a
 * {@link PrintableDocument} of its kind has (checked against the fullest sample document).
 */
final class TemplateSource {

    private final Placeholders placeholders;

    private TemplateSource(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /** Parses and checks the HTML; any problem is a {@link PdfTemplateException} on the field "html". */
    static TemplateSource checked(String html) {
        try {
            Placeholders parsed = Placeholders.parse(html);
            parsed.check(PrintModel.of(SampleDocuments.fullest()));
            return new TemplateSource(parsed);
        } catch (Placeholders.TemplateError e) {
            throw PdfTemplateException.of("html", e.messageKey, e.line, e.column, e.name == null ? "" : e.name);
        }
    }

    /** The names the fullest sample document offers (see {@link PdfTemplates#placeholderNames()}). */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        collect("", PrintModel.of(SampleDocuments.fullest()), names);
        return names;
    }

    private static void collect(String prefix, Map<String, Object> map, List<String> names) {
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String name = prefix + entry.getKey();
            if (name.equals("t")) {
                labels.add("t.*");
            } else if (entry.getValue() instanceof Map<?, ?> inner) {
                @SuppressWarnings("unchecked")
                Map<String, Object> group = (Map<String, Object>) inner;
                collect(name + ".", group, names);
            } else if (entry.getValue() instanceof List<?> list) {
                String item = !list.isEmpty() && list.getFirst() instanceof Map<?, ?> first
                        ? String.join(", ", first.keySet().stream().map(String::valueOf).toList()) : ".";
                names.add("#" + name + " … /" + name + " (" + item + ")");
            } else {
                names.add(name);
            }
        }
        names.addAll(labels.stream().map(l -> l + " (" + String.join(", ", PrintModel.labels(java.util.Locale.ENGLISH).keySet()) + ")").toList());
    }

    String render(PrintableDocument document) {
        return render(PrintModel.of(document));
    }

    String render(Map<String, Object> model) {
        return placeholders.render(model);
    }
}
