package dev.foyer.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what and when, for every record (issue 3: "each record has a history"). Written in
 * the same transaction as the change itself, so history and record never disagree.
 */
@Service
public class RecordHistory {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    RecordHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Compares two snapshots (field name → shown value) and records the fields that differ. */
    public static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        List<FieldChange> changes = new ArrayList<>();
        for (var entry : after.entrySet()) {
            String old = before.get(entry.getKey());
            if (!Objects.equals(blankToNull(old), blankToNull(entry.getValue()))) {
                changes.add(new FieldChange(entry.getKey(), blankToNull(old), blankToNull(entry.getValue())));
            }
        }
        return changes;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String recordType, UUID recordId, long version, ChangeAction action, ChangeAuthor author,
                       List<FieldChange> changes) {
        jdbc.sql("""
                        insert into record_change (record_type, record_id, version, action, author_id, author_name, via,
                                                   changed_at, changes)
                        values (:type, :id, :version, :action, :authorId, :authorName, :via, :at, cast(:changes as jsonb))""")
                .param("type", recordType).param("id", recordId).param("version", version)
                .param("action", action.name()).param("authorId", author.staffUserId())
                .param("authorName", author.name()).param("via", author.via())
                .param("at", Timestamp.from(clock.instant()))
                .param("changes", json.writeValueAsString(changes))
                .update();
    }

    /** The newest changes first, a page at a time. */
    @Transactional(readOnly = true)
    public Page<RecordChange> page(String recordType, UUID recordId, Pageable pageable) {
        long total = jdbc.sql("select count(*) from record_change where record_type = :type and record_id = :id")
                .param("type", recordType).param("id", recordId).query(Long.class).single();
        List<RecordChange> rows = jdbc.sql("""
                        select version, action, author_name, via, changed_at, changes::text as changes
                        from record_change where record_type = :type and record_id = :id
                        order by changed_at desc, id desc limit :limit offset :offset""")
                .param("type", recordType).param("id", recordId)
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new RecordChange(recordType, recordId, rs.getLong("version"),
                        ChangeAction.valueOf(rs.getString("action")), rs.getString("author_name"), rs.getString("via"),
                        rs.getTimestamp("changed_at").toInstant(), json.readValue(rs.getString("changes"), CHANGES)))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
