package dev.foyer.projects;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.shared.RichText;

/** A comment's rich-text body. */
public record CommentDetails(String body, Boolean shared) implements ItemDetails {

    @Override
    public ItemKind kind() {
        return ItemKind.COMMENT;
    }

    @Override
    public CommentDetails validated() {
        Problems problems = new Problems();
        String safe = problems.richText("body", body, true, "comment.error.body");
        problems.throwIfAny();
        return new CommentDetails(safe, shared);
    }

    @Override
    public Map<String, String> snapshot() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", RichText.plainText(body));
        fields.put("shared", shared == null ? null : shared.toString());
        return fields;
    }
}
