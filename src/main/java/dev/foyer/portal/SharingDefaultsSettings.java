package dev.foyer.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * PRT-5: whether new milestones, tasks, updates, documents, events, comments and files start
 * shared ("Show on portal"), one setting for the whole organization (seed 002: nothing by
 * default). Projects, tickets and files read it whenever an item is created without an explicit
 * choice, through the UI and the API alike; a change applies to items created from then on.
 */
@Service
public class SharingDefaultsSettings {

    public static final String RECORD_TYPE = "sharing_defaults";
    /** The history's id for the organization's one row of sharing defaults. */
    public static final UUID RECORD_ID = UUID.nameUUIDFromBytes("foyer:sharing-defaults".getBytes());
    private static final Logger log = LoggerFactory.getLogger(SharingDefaultsSettings.class);

    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    SharingDefaultsSettings(RecordHistory history, JdbcClient jdbc, Clock clock) {
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether a new item of this kind starts shared; read fresh, so every node sees a change at once. */
    @Transactional(readOnly = true)
    public boolean sharedByDefault(SharedItem item) {
        return current().sharedByDefault(item);
    }

    @Transactional(readOnly = true)
    public SharingDefaultsView current(StaffPrincipal actor) {
        PortalAccess.requireManagePortals(actor);
        return current();
    }

    /** Stores which kinds start shared; a stale version changes nothing. */
    @Transactional
    public SharingDefaultsView save(StaffPrincipal actor, long expectedVersion, Set<SharedItem> shared) {
        PortalAccess.requireManagePortals(actor);
        SharingDefaultsView before = current();
        Instant now = clock.instant();
        Set<SharedItem> after = shared.isEmpty() ? EnumSet.noneOf(SharedItem.class) : EnumSet.copyOf(shared);
        int updated = jdbc.sql("""
                        update sharing_defaults set milestones = :milestones, tasks = :tasks, updates = :updates,
                               documents = :documents, events = :events, comments = :comments, files = :files,
                               version = version + 1, updated_at = :now, updated_by = :actor
                        where id = 1 and version = :version""")
                .params(flags(after)).param("now", Timestamp.from(now)).param("actor", actor.id().value())
                .param("version", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException("sharing defaults");
        }
        SharingDefaultsView saved = current();
        history.record(RECORD_TYPE, RECORD_ID, saved.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(snapshot(before.shared()), snapshot(saved.shared())));
        log.info("Staff user {} set the sharing defaults to {}", actor.email(), after);
        return saved;
    }

    private SharingDefaultsView current() {
        return jdbc.sql("select * from sharing_defaults where id = 1").query((rs, n) -> {
            Set<SharedItem> shared = EnumSet.noneOf(SharedItem.class);
            for (SharedItem item : SharedItem.values()) {
                if (rs.getBoolean(item.column())) {
                    shared.add(item);
                }
            }
            return new SharingDefaultsView(shared, rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
        }).single();
    }

    private static Map<String, Object> flags(Set<SharedItem> shared) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (SharedItem item : SharedItem.values()) {
            params.put(item.column(), shared.contains(item));
        }
        return params;
    }

    private static Map<String, String> snapshot(Set<SharedItem> shared) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (SharedItem item : SharedItem.values()) {
            fields.put(item.column(), String.valueOf(shared.contains(item)));
        }
        return fields;
    }
}
