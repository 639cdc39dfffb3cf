package dev.foyer.projects;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.shared.RichText;

/** A document written in Foyer (a brief, minutes, a specification); the body is rich text. */
public record DocumentDetails(String title, String body, Boolean shared) implements ItemDetails {

    @Override
    public ItemKind kind() {
        return ItemKind.DOCUMENT;
    }

    @Override
    public DocumentDetails validated() {
        Problems problems = new Problems();
        problems.required("title", title, 200, "document.error.title");
        String safe = problems.richText("body", body, false, "document.error.body");
        problems.throwIfAny();
        return new DocumentDetails(title.strip(), safe, shared);
    }

    @Override
    public Map<String, String> snapshot() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("body", RichText.plainText(body));
        fields.put("shared", shared == null ? null : shared.toString());
        return fields;
    }
}
