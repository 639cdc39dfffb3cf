package dev.foyer.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.RecordWriter;
import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Upserted;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.shared.RichText;
import dev.foyer.shared.StaleVersionException;
import dev.foyer.portal.PortalAuthorName;
import dev.foyer.portal.PortalAuthorNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on tickets: any staff user comments; a new comment starts shared or not as the sharing
 * defaults say (PRT-5); its "Show on portal" switch is changed by its author or the ticket's editors.
 */
@Service
public class TicketComments {

    public static final String RECORD_TYPE = "ticket_comment";
    private static final Logger log = LoggerFactory.getLogger(TicketComments.class);

    private final TicketCommentRepository comments;
    private final Tickets tickets;
    private final TicketSharingDefaults sharingDefaults;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketActivities activities;

    TicketComments(TicketCommentRepository comments, Tickets tickets, TicketSharingDefaults sharingDefaults,
                   RecordHistory history, JdbcClient jdbc, Clock clock, TicketActivities activities) {
        this.activities = activities;
        this.comments = comments;
        this.tickets = tickets;
        this.sharingDefaults = sharingDefaults;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether a new comment starts shared (PRT-5). */
    public boolean sharedByDefault() {
        return sharingDefaults.newCommentsShared();
    }

    /** A page of the ticket's comments, oldest first, so the newest is last. */
    @Transactional(readOnly = true)
    public Page<CommentView> page(StaffPrincipal actor, TicketId ticket, Pageable pageable) {
        TicketAccess.requireView(actor);
        long total = jdbc.sql("select count(*) from ticket_comment where ticket_id = :ticket")
                .param("ticket", ticket.value()).query(Long.class).single();
        List<CommentView> rows = jdbc.sql(select()
                        + " where c.ticket_id = :ticket order by c.created_at, c.id limit :limit offset :offset")
                .param("ticket", ticket.value()).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> view(rs)).list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Transactional(readOnly = true)
    public long count(StaffPrincipal actor, TicketId ticket) {
        TicketAccess.requireView(actor);
        return jdbc.sql("select count(*) from ticket_comment where ticket_id = :ticket")
                .param("ticket", ticket.value()).query(Long.class).single();
    }

    /** One comment of the ticket. */
    @Transactional(readOnly = true)
    public Optional<CommentView> find(StaffPrincipal actor, TicketId ticket, TicketCommentId id) {
        TicketAccess.requireView(actor);
        return jdbc.sql(select() + " where c.ticket_id = :ticket and c.id = :id")
                .param("ticket", ticket.value()).param("id", id.value())
                .query((rs, n) -> view(rs)).optional();
    }

    /** Adds a comment; {@code shared} null means "as the sharing defaults say". */
    @Transactional
    public TicketComment add(StaffPrincipal actor, TicketId ticketId, String body, Boolean shared) {
        TicketAccess.requireComment(actor);
        Ticket ticket = tickets.load(actor, ticketId);
        String safe = checkedBody(body);
        boolean share = shared == null ? sharedByDefault() : shared;
        TicketComment comment = comments.save(TicketComment.post(ticket.id(), safe, share, actor.id(),
                clock.instant()));
        history.record(RECORD_TYPE, comment.id().value(), comment.version(), ChangeAction.CREATED,
                ChangeAuthor.of(actor), RecordHistory.diff(Map.of(), snapshot(comment)));
        log.info("Staff user {} commented on ticket {} ({}shared)", actor.email(), ticketId, share ? "" : "not ");
        activities.comment(actor, dev.foyer.portal.ActivityKind.COMMENTED, comment); // EXP-7
        return comment;
    }

    /** Shows the comment on the portal or makes it an internal note again. */
    @Transactional
    public TicketComment setShared(StaffPrincipal actor, TicketId ticketId, TicketCommentId id, long expectedVersion,
                                   boolean shared) {
        Ticket ticket = tickets.load(actor, ticketId);
        TicketComment comment = comments.findById(id).filter(c -> c.ticketId().equals(ticket.id()))
                .orElseThrow(() -> TicketException.of("", "record.error.notFound"));
        TicketAccess.requireShare(actor, ticket, comment);
        if (comment.version() != expectedVersion) {
            throw new StaleVersionException("ticket comment " + id);
        }
        Map<String, String> before = snapshot(comment);
        comment.share(shared, actor.id(), clock.instant());
        TicketComment saved;
        try {
            saved = comments.save(comment);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("ticket comment " + id);
        }
        history.record(RECORD_TYPE, id.value(), saved.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(before, snapshot(saved)));
        log.info("Staff user {} set comment {} on ticket {} to {}", actor.email(), id, ticketId,
                shared ? "shown on portal" : "internal");
        if (shared != before.get("shared").equals("true")) {
            activities.comment(actor, dev.foyer.portal.ActivityKind.SHARED, saved); // EXP-7: only when now shown
        }
        return saved;
    }

    /**
     * Deletes the comment for good (issue 3 item 9): its author or whoever may edit the ticket; a stale version
     * deletes nothing.
     */
    @Transactional
    public void delete(StaffPrincipal actor, TicketId ticketId, TicketCommentId id, long expectedVersion) {
        Ticket ticket = tickets.load(actor, ticketId);
        TicketComment comment = comments.findById(id).filter(c -> c.ticketId().equals(ticket.id()))
                .orElseThrow(() -> TicketException.of("", "record.error.notFound"));
        TicketAccess.requireDelete(actor, ticket, comment);
        remove(RecordWriter.of(actor), comment, expectedVersion);
    }

    // ---- The REST API (issue 3 item 9, docs/api.md): an integration acts through its API token. ----

    /** Deletes a comment for an integration, as {@link #delete(StaffPrincipal, TicketId, TicketCommentId, long)}. */
    @Transactional
    public void delete(ApiPrincipal client, TicketCommentId id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        TicketComment comment = find(client, id).orElseThrow(() -> TicketException.of("", "record.error.notFound"));
        remove(RecordWriter.of(client), comment, expectedVersion);
    }

    private void remove(RecordWriter writer, TicketComment comment, long expectedVersion) {
        int deleted = jdbc.sql("delete from ticket_comment where id = :id and version = :version")
                .param("id", comment.id().value()).param("version", expectedVersion).update();
        if (deleted == 0) {
            throw new StaleVersionException("ticket comment " + comment.id());
        }
        history.record(RECORD_TYPE, comment.id().value(), expectedVersion, ChangeAction.DELETED, writer.author(),
                List.of());
        log.info("{} deleted comment {} on ticket {}", writer.logName(), comment.id(), comment.ticketId());
    }

    /**
     * Comments on tickets an integration may see (of one ticket, or of all when {@code ticket} is
     * null) changed at or after {@code since}, oldest change first.
     */
    @Transactional(readOnly = true)
    public Page<TicketComment> changedSince(ApiPrincipal client, TicketId ticket, Instant since, Pageable pageable) {
        ApiAccess.requireRead(client);
        Timestamp from = Timestamp.from(since == null ? Instant.EPOCH : since);
        String condition = """
                 from ticket_comment c join ticket t on t.id = c.ticket_id join company co on co.id = t.company_id
                where co.deleted_at is null and c.updated_at >= :since""" + (ticket == null ? "" : " and c.ticket_id = :ticket");
        Map<String, Object> params = new HashMap<>();
        params.put("since", from);
        if (ticket != null) {
            params.put("ticket", ticket.value());
        }
        long total = jdbc.sql("select count(*)" + condition).params(params).query(Long.class).single();
        List<TicketCommentId> ids = jdbc.sql("select c.id" + condition
                        + " order by c.updated_at, c.id limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new TicketCommentId(rs.getObject("id", UUID.class))).list();
        Map<TicketCommentId, TicketComment> byId = new HashMap<>();
        comments.findAllById(ids).forEach(comment -> byId.put(comment.id(), comment));
        return new PageImpl<>(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), pageable,
                total);
    }

    /** A comment whose ticket the integration may see. */
    @Transactional(readOnly = true)
    public Optional<TicketComment> find(ApiPrincipal client, TicketCommentId id) {
        ApiAccess.requireRead(client);
        return comments.findById(id).filter(comment -> tickets.find(client, comment.ticketId()).isPresent());
    }

    @Transactional(readOnly = true)
    public Optional<TicketComment> findByExternalRef(ApiPrincipal client, String externalRef) {
        ApiAccess.requireRead(client);
        return comments.findByExternalRef(externalRef)
                .filter(comment -> tickets.find(client, comment.ticketId()).isPresent());
    }

    /**
     * Adds a comment written by an integration; its author is the token's creator. {@code shared}
     * null means "as the sharing defaults say" (PRT-5).
     */
    @Transactional
    public TicketComment add(ApiPrincipal client, TicketId ticketId, String body, Boolean shared, String externalRef) {
        ApiAccess.requireWrite(client);
        return add(RecordWriter.of(client), tickets.load(client, ticketId), body, shared, externalRef);
    }

    /**
     * Shows the comment on the portal or makes it an internal note again; {@code shared} null keeps
     * it. A comment's text and ticket never change once posted (as for staff): a different
     * {@code body} or {@code ticket} is refused with ticketComment.error.immutable (null: not
     * compared). Writes nothing when nothing differs.
     */
    @Transactional
    public TicketComment update(ApiPrincipal client, TicketCommentId id, long expectedVersion, TicketId ticket,
                                String body, Boolean shared) {
        ApiAccess.requireWrite(client);
        TicketComment comment = find(client, id).orElseThrow(() -> TicketException.of("", "record.error.notFound"));
        if (comment.version() != expectedVersion) {
            throw new StaleVersionException("ticket comment " + id);
        }
        return change(RecordWriter.of(client), comment, ticket, body, shared);
    }

    /**
     * Adds the comment with this external reference, or updates the existing one's sharing as
     * {@link #update(ApiPrincipal, TicketCommentId, long, TicketId, String, Boolean)} does. Writes
     * nothing when nothing differs.
     */
    @Transactional
    public Upserted<TicketComment> upsert(ApiPrincipal client, String externalRef, Long expectedVersion,
                                          TicketId ticketId, String body, Boolean shared) {
        ApiAccess.requireWrite(client);
        Optional<TicketComment> existing = comments.findByExternalRef(externalRef);
        if (existing.isEmpty()) {
            if (ticketId == null) {
                throw TicketException.of("ticketId", "ticketComment.error.ticket");
            }
            return new Upserted<>(add(RecordWriter.of(client), tickets.load(client, ticketId), body, shared, externalRef),
                    true);
        }
        TicketComment comment = existing.get();
        tickets.load(client, comment.ticketId());
        if (expectedVersion != null && comment.version() != expectedVersion) {
            throw new StaleVersionException("ticket comment " + comment.id());
        }
        return new Upserted<>(change(RecordWriter.of(client), comment, ticketId, body, shared), false);
    }

    private TicketComment change(RecordWriter writer, TicketComment comment, TicketId ticket, String body, Boolean shared) {
        Problems problems = new Problems();
        if (ticket != null && !ticket.equals(comment.ticketId())) {
            problems.add("ticketId", "ticketComment.error.immutable");
        }
        if (body != null && !RichText.sanitize(body).equals(comment.body())) {
            problems.add("body", "ticketComment.error.immutable");
        }
        problems.throwIfAny();
        if (shared == null || shared == comment.shared()) {
            return comment;
        }
        return setShared(writer, comment, shared);
    }

    private TicketComment add(RecordWriter writer, Ticket ticket, String body, Boolean shared, String externalRef) {
        Problems problems = new Problems();
        String safe = null;
        try {
            safe = checkedBody(body);
        } catch (TicketException e) {
            e.problems().forEach(problems::add);
        }
        String ref = Problems.clean(externalRef);
        if (ref != null && comments.findByExternalRef(ref).isPresent()) {
            problems.add("externalRef", "record.error.externalRefTaken");
        }
        problems.throwIfAny();
        boolean share = shared == null ? sharedByDefault() : shared;
        TicketComment comment = comments.save(TicketComment.postThroughApi(ticket.id(), safe, share,
                writer.staffUserId(), ref, clock.instant()));
        history.record(RECORD_TYPE, comment.id().value(), comment.version(), ChangeAction.CREATED, writer.author(),
                RecordHistory.diff(Map.of(), snapshot(comment)));
        log.info("{} commented on ticket {} ({}shared)", writer.logName(), ticket.id(), share ? "" : "not ");
        activities.comment(writer, dev.foyer.portal.ActivityKind.COMMENTED, comment); // EXP-7, as the UI path
        return comment;
    }

    private TicketComment setShared(RecordWriter writer, TicketComment comment, boolean shared) {
        Map<String, String> before = snapshot(comment);
        comment.share(shared, writer.staffId(), clock.instant());
        TicketComment saved;
        try {
            saved = comments.save(comment);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("ticket comment " + comment.id());
        }
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.UPDATED, writer.author(),
                RecordHistory.diff(before, snapshot(saved)));
        log.info("{} set comment {} to {}", writer.logName(), saved.id(), shared ? "shown on portal" : "internal");
        activities.comment(writer, dev.foyer.portal.ActivityKind.SHARED, saved); // EXP-7: only when now shown
        return saved;
    }

    private static String checkedBody(String body) {
        String safe = RichText.sanitize(body);
        if (RichText.isBlank(safe)) {
            throw TicketException.of("body", "ticketComment.error.body");
        }
        if (safe.length() > RichText.MAX_LENGTH) {
            throw TicketException.of("body", "ticketComment.error.bodyTooLong");
        }
        return safe;
    }

    private static Map<String, String> snapshot(TicketComment comment) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", RichText.plainText(comment.body()));
        fields.put("shared", String.valueOf(comment.shared()));
        return fields;
    }

    private static String select() {
        return """
                select c.id, c.ticket_id, c.body, c.shared, c.author_id, su.display_name as author_name, c.version,
                       c.created_at,""" + PortalAuthorNames.columns("c")
                + " from ticket_comment c left join staff_user su on su.id = c.author_id" + PortalAuthorNames.join("c");
    }

    private static CommentView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID author = rs.getObject("author_id", UUID.class);
        return new CommentView(new TicketCommentId(rs.getObject("id", UUID.class)),
                new TicketId(rs.getObject("ticket_id", UUID.class)), rs.getString("body"), rs.getBoolean("shared"),
                author == null ? null : new StaffUserId(author), rs.getString("author_name"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), PortalAuthorName.of(rs));
    }
}
