package dev.foyer.tickets;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.shared.RichText;
import dev.foyer.shared.StaleVersionException;
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

    TicketComments(TicketCommentRepository comments, Tickets tickets, TicketSharingDefaults sharingDefaults,
                   RecordHistory history, JdbcClient jdbc, Clock clock) {
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
        String safe = RichText.sanitize(body);
        if (RichText.isBlank(safe)) {
            throw TicketException.of("body", "ticketComment.error.body");
        }
        if (safe.length() > RichText.MAX_LENGTH) {
            throw TicketException.of("body", "ticketComment.error.bodyTooLong");
        }
        boolean share = shared == null ? sharedByDefault() : shared;
        TicketComment comment = comments.save(TicketComment.post(ticket.id(), safe, share, actor.id(),
                clock.instant()));
        history.record(RECORD_TYPE, comment.id().value(), comment.version(), ChangeAction.CREATED,
                ChangeAuthor.of(actor), RecordHistory.diff(Map.of(), snapshot(comment)));
        log.info("Staff user {} commented on ticket {} ({}shared)", actor.email(), ticketId, share ? "" : "not ");
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
        return saved;
    }

    private static Map<String, String> snapshot(TicketComment comment) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", Texts.plain(comment.body()));
        fields.put("shared", String.valueOf(comment.shared()));
        return fields;
    }

    private static String select() {
        return """
                select c.id, c.ticket_id, c.body, c.shared, c.author_id, su.display_name as author_name, c.version,
                       c.created_at
                from ticket_comment c left join staff_user su on su.id = c.author_id""";
    }

    private static CommentView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID author = rs.getObject("author_id", UUID.class);
        return new CommentView(new TicketCommentId(rs.getObject("id", UUID.class)),
                new TicketId(rs.getObject("ticket_id", UUID.class)), rs.getString("body"), rs.getBoolean("shared"),
                author == null ? null : new StaffUserId(author), rs.getString("author_name"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant());
    }
}
