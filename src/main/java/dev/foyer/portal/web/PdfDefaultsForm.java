package dev.foyer.portal.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.foyer.pdf.PdfTemplateId;
import dev.foyer.pdf.PrintKind;
import dev.foyer.portal.PortalPdfDefault;

/**
 * A portal's default PDF template per kind (PRT-6): per kind a template id, or empty for the kind's
 * default template, and the version the admin saw. Ids from the browser are only parsed here; the
 * portal module decides whether a template may be chosen.
 */
record PdfDefaultsForm(String quote, String invoice, String order, String contract, Long quoteVersion,
                       Long invoiceVersion, Long orderVersion, Long contractVersion) {

    static PdfDefaultsForm of(List<PortalPdfDefault> current) {
        Map<PrintKind, PortalPdfDefault> byKind = new EnumMap<>(PrintKind.class);
        current.forEach(d -> byKind.put(d.kind(), d));
        return new PdfDefaultsForm(id(byKind.get(PrintKind.QUOTE)), id(byKind.get(PrintKind.INVOICE)),
                id(byKind.get(PrintKind.ORDER)), id(byKind.get(PrintKind.CONTRACT)),
                byKind.get(PrintKind.QUOTE).version(), byKind.get(PrintKind.INVOICE).version(),
                byKind.get(PrintKind.ORDER).version(), byKind.get(PrintKind.CONTRACT).version());
    }

    /** The text the admin sent for a kind ("" for the kind's default). */
    public String value(PrintKind kind) {
        String value = raw(kind);
        return value == null ? "" : value.strip();
    }

    private String raw(PrintKind kind) {
        return switch (kind) {
            case QUOTE -> quote;
            case INVOICE -> invoice;
            case ORDER -> order;
            case CONTRACT -> contract;
        };
    }

    /**
     * Kind to chosen template (null value: the kind's default). A kind the form did not send, or
     * whose text is no id, is left out (unchanged).
     */
    Map<PrintKind, PdfTemplateId> chosen() {
        Map<PrintKind, PdfTemplateId> chosen = new EnumMap<>(PrintKind.class);
        for (PrintKind kind : PrintKind.values()) {
            if (raw(kind) == null) {
                continue;
            }
            String value = value(kind);
            if (value.isEmpty()) {
                chosen.put(kind, null);
            } else {
                PdfTemplateId.parse(value).ifPresent(id -> chosen.put(kind, id));
            }
        }
        return chosen;
    }

    /** Kinds whose text is neither empty nor an id: refused as an unknown template. */
    List<PrintKind> unreadable() {
        return java.util.Arrays.stream(PrintKind.values())
                .filter(kind -> !value(kind).isEmpty() && PdfTemplateId.parse(value(kind)).isEmpty()).toList();
    }

    Map<PrintKind, Long> versions() {
        Map<PrintKind, Long> versions = new EnumMap<>(PrintKind.class);
        putIfSet(versions, PrintKind.QUOTE, quoteVersion);
        putIfSet(versions, PrintKind.INVOICE, invoiceVersion);
        putIfSet(versions, PrintKind.ORDER, orderVersion);
        putIfSet(versions, PrintKind.CONTRACT, contractVersion);
        return versions;
    }

    private static void putIfSet(Map<PrintKind, Long> versions, PrintKind kind, Long version) {
        if (version != null) {
            versions.put(kind, version);
        }
    }

    private static String id(PortalPdfDefault current) {
        return current == null || current.chosen() == null ? "" : current.chosen().toString();
    }
}
