package dev.foyer.projects;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.shared.RichText;

/** An event: wall-clock start and end in the organization's time zone, and a rich-text description. */
public record EventDetails(String title, LocalDateTime startsAt, LocalDateTime endsAt, String description,
                           Boolean shared) implements ItemDetails {

    @Override
    public ItemKind kind() {
        return ItemKind.EVENT;
    }

    @Override
    public EventDetails validated() {
        Problems problems = new Problems();
        problems.required("title", title, 200, "event.error.title");
        problems.required("startsAt", startsAt, "event.error.startsAt");
        problems.required("endsAt", endsAt, "event.error.endsAt");
        if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
            problems.add("endsAt", "event.error.endsBeforeStart");
        }
        String safe = problems.richText("description", description, false, "event.error.description");
        problems.throwIfAny();
        return new EventDetails(title.strip(), startsAt, endsAt, safe, shared);
    }

    @Override
    public Map<String, String> snapshot() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("startsAt", startsAt == null ? null : startsAt.toString().replace('T', ' '));
        fields.put("endsAt", endsAt == null ? null : endsAt.toString().replace('T', ' '));
        fields.put("description", RichText.plainText(description));
        fields.put("shared", shared == null ? null : shared.toString());
        return fields;
    }
}
