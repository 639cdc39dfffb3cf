package dev.foyer.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of a record's history. */
public record RecordChange(String recordType, UUID recordId, long version, ChangeAction action, String authorName,
                           String via, Instant changedAt, List<FieldChange> changes) {
}
