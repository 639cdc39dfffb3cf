package dev.foyer.projects;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.shared.RichText;

/** A post about the project's progress; the body is rich text. */
public record UpdateDetails(String title, String body, Boolean shared) implements ItemDetails {

    @Override
    public ItemKind kind() {
        return ItemKind.UPDATE;
    }

    @Override
    public UpdateDetails validated() {
        Problems problems = new Problems();
        problems.required("title", title, 200, "update.error.title");
        String safe = problems.richText("body", body, true, "update.error.body");
        problems.throwIfAny();
        return new UpdateDetails(title.strip(), safe, shared);
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
