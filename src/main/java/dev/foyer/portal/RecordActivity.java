package dev.foyer.portal;

import java.util.Objects;

/**
 * One thing done to a record a portal can show. {@code record} is what was acted on (a comment, a
 * file, a task); {@code within} is the record whose feed it belongs to — the project or ticket it
 * is in, or the record itself for projects, tickets and financial documents. The summary is a short
 * plain-text excerpt (a comment's first words, a file's name); it is shown only to those who may see
 * the record.
 */
public record RecordActivity(ActivityActor actor, ActivityKind kind, RecordRef record, RecordRef within,
                             String summary) {

    static final int SUMMARY_LENGTH = 500;

    public RecordActivity {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(record, "record");
        within = within == null ? record : within;
        summary = summary == null ? "" : summary.strip();
        if (summary.length() > SUMMARY_LENGTH) {
            summary = summary.substring(0, SUMMARY_LENGTH - 1) + "…";
        }
    }
}
