package dev.foyer.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.portal.PortalAuthor;
import dev.foyer.portal.PortalCommentStore;
import dev.foyer.portal.PortalText;
import dev.foyer.portal.RecordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A portal user's comments on a ticket (EXP-3, ACC-11), written after the portal module has
 * authorized them: shared at once, {@code portal_author_id} set, owned by the staff user who
 * invited the author (LIF-6), in the comment's history "via portal"; the ticket counts as changed.
 * Edits and deletes match the author and the version in SQL, so a stale or foreign one changes nothing.
 */
@Component
class TicketPortalComments implements PortalCommentStore {

    private final JdbcClient jdbc;
    private final RecordHistory history;
    private final Clock clock;

    TicketPortalComments(JdbcClient jdbc, RecordHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.TICKET_COMMENT;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID add(UUID ticket, PortalAuthor author, String html) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into ticket_comment (id, ticket_id, body, shared, version, created_at, created_by,
                                                    updated_at, updated_by, portal_author_id)
                        values (:id, :ticket, :body, true, 0, :now, :owner, :now, :owner, :author)""")
                .param("id", id).param("ticket", ticket).param("body", html).param("now", now)
                .param("owner", author.owner()).param("author", author.portalUser().value()).update();
        // The ticket moves up the "recently changed" lists staff and the portal sort by.
        jdbc.sql("update ticket set updated_at = :now where id = :ticket").param("now", now).param("ticket", ticket)
                .update();
        history.record(TicketComments.RECORD_TYPE, id, 0, ChangeAction.CREATED, via(author),
                RecordHistory.diff(Map.of(), Map.of("body", PortalText.plain(html), "shared", "true")));
        return id;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean edit(UUID comment, long expectedVersion, PortalAuthor author, String html) {
        String before = jdbc.sql("select body from ticket_comment where id = :id").param("id", comment)
                .query(String.class).optional().orElse(null);
        int updated = jdbc.sql("""
                        update ticket_comment set body = :body, version = version + 1, updated_at = :now, updated_by = :owner
                        where id = :id and version = :version and portal_author_id = :author""")
                .param("body", html).param("now", Timestamp.from(clock.instant())).param("owner", author.owner())
                .param("id", comment).param("version", expectedVersion).param("author", author.portalUser().value())
                .update();
        if (updated == 1) {
            history.record(TicketComments.RECORD_TYPE, comment, expectedVersion + 1, ChangeAction.UPDATED, via(author),
                    RecordHistory.diff(Map.of("body", String.valueOf(PortalText.plain(before))),
                            Map.of("body", PortalText.plain(html))));
        }
        return updated == 1;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean delete(UUID comment, long expectedVersion, PortalAuthor author) {
        int deleted = jdbc.sql("delete from ticket_comment where id = :id and version = :version and portal_author_id = :author")
                .param("id", comment).param("version", expectedVersion).param("author", author.portalUser().value())
                .update();
        if (deleted == 1) {
            history.record(TicketComments.RECORD_TYPE, comment, expectedVersion, ChangeAction.DELETED, via(author),
                    List.of());
        }
        return deleted == 1;
    }

    static ChangeAuthor via(PortalAuthor author) {
        return new ChangeAuthor(author.owner(), author.name(), "portal");
    }
}
