package dev.foyer.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.foyer.audit.RecordWriter;
import dev.foyer.api.ApiAccess;
import dev.foyer.api.ApiPrincipal;
import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.ChangeAuthor;
import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.CompanyId;
import dev.foyer.directory.Upserted;
import dev.foyer.files.OwnerRef;
import dev.foyer.files.StoredFiles;
import dev.foyer.identity.StaffChoices;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.shared.RichText;
import dev.foyer.shared.StaleVersionException;
import dev.foyer.portal.PortalAuthorName;
import dev.foyer.portal.PortalAuthorNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets of a company (issue 3): listed, opened, edited, moved along their lifecycle, with staff
 * members. Every operation checks its actor first ({@link TicketAccess}) and records its changes.
 */
@Service
public class Tickets {

    public static final String RECORD_TYPE = "ticket";
    private static final Logger log = LoggerFactory.getLogger(Tickets.class);
    private static final Pattern NUMBER = Pattern.compile("#?\\s*(\\d{1,18})");
    private static final String PRIORITY_RANK =
            "(case t.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end)";

    private final TicketRepository tickets;
    private final Companies companies;
    private final StaffChoices staff;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Lazily: the files module asks this module (through {@link TicketFileOwner}) who may see a ticket. */
    private final ObjectProvider<StoredFiles> files;
    private final TicketActivities activities;

    Tickets(TicketRepository tickets, Companies companies, StaffChoices staff, RecordHistory history, JdbcClient jdbc,
            Clock clock, ObjectProvider<StoredFiles> files, TicketActivities activities) {
        this.activities = activities;
        this.files = files;
        this.tickets = tickets;
        this.companies = companies;
        this.staff = staff;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page of tickets whose company is not in the recycle bin. */
    @Transactional(readOnly = true)
    public Page<TicketSummary> list(StaffPrincipal actor, TicketQuery query, Pageable pageable) {
        TicketAccess.requireView(actor);
        List<String> where = new ArrayList<>(List.of("co.deleted_at is null"));
        Map<String, Object> params = new HashMap<>();
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            var number = NUMBER.matcher(text);
            if (number.matches()) {
                where.add("(t.number = :number or lower(t.subject) like :text)");
                params.put("number", Long.parseLong(number.group(1)));
            } else {
                where.add("lower(t.subject) like :text");
            }
            params.put("text", contains(text));
        }
        if (query.status() != null) {
            where.add("t.status = :status");
            params.put("status", query.status().name());
        }
        if (query.priority() != null) {
            where.add("t.priority = :priority");
            params.put("priority", query.priority().name());
        }
        if (query.company() != null) {
            where.add("t.company_id = :company");
            params.put("company", query.company().value());
        }
        if (query.assignee() != null) {
            where.add("t.assignee_id = :assignee");
            params.put("assignee", query.assignee().value());
        }
        String condition = " where " + String.join(" and ", where);
        String order = switch (query.sort()) {
            case RECENTLY_UPDATED -> " order by t.updated_at desc, t.id desc";
            case PRIORITY -> " order by " + PRIORITY_RANK + ", t.updated_at desc, t.id desc";
            case NUMBER -> " order by t.number desc";
        };
        String from = " from ticket t join company co on co.id = t.company_id";
        long total = jdbc.sql("select count(*)" + from + condition).params(params).query(Long.class).single();
        List<TicketSummary> rows = jdbc.sql("""
                        select t.id, t.number, t.subject, t.status, t.priority, t.company_id, co.name as company_name,
                               su.display_name as assignee_name, t.updated_at,""" + PortalAuthorNames.columns("t")
                        + from + " left join staff_user su on su.id = t.assignee_id" + PortalAuthorNames.join("t")
                        + condition + order
                        + " limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new TicketSummary(new TicketId(rs.getObject("id", UUID.class)), rs.getLong("number"),
                        rs.getString("subject"), TicketStatus.valueOf(rs.getString("status")),
                        TicketPriority.valueOf(rs.getString("priority")),
                        new CompanyId(rs.getObject("company_id", UUID.class)), rs.getString("company_name"),
                        rs.getString("assignee_name"), rs.getTimestamp("updated_at").toInstant(),
                        PortalAuthorName.of(rs)))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** A ticket whose company is not in the recycle bin. */
    @Transactional(readOnly = true)
    public Optional<Ticket> find(StaffPrincipal actor, TicketId id) {
        TicketAccess.requireView(actor);
        return tickets.findById(id).filter(ticket -> companies.find(actor, ticket.companyId()).isPresent());
    }

    /** Opens a ticket with the next number; whoever opens it becomes a member. */
    @Transactional
    public Ticket open(StaffPrincipal actor, TicketDetails input) {
        TicketAccess.requireOpen(actor);
        TicketDetails details = checked(actor, input, null);
        long number = jdbc.sql("select nextval('ticket_number_seq')").query(Long.class).single();
        Ticket ticket = tickets.save(Ticket.open(number, details, actor.id(), clock.instant()));
        history.record(RECORD_TYPE, ticket.id().value(), ticket.version(), ChangeAction.CREATED, ChangeAuthor.of(actor),
                RecordHistory.diff(Map.of(), snapshot(actor, ticket)));
        log.info("Staff user {} opened ticket #{} ({})", actor.email(), number, ticket.id());
        return ticket;
    }

    @Transactional
    public Ticket update(StaffPrincipal actor, TicketId id, long expectedVersion, TicketDetails input) {
        Ticket ticket = load(actor, id);
        TicketAccess.requireEdit(actor, ticket);
        requireVersion(ticket, expectedVersion);
        TicketDetails details = checked(actor, input, id);
        Map<String, String> before = snapshot(actor, ticket);
        ticket.apply(details, actor.id(), clock.instant());
        Ticket saved = save(ticket);
        history.record(RECORD_TYPE, id.value(), saved.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(before, snapshot(actor, saved)));
        log.info("Staff user {} edited ticket {}", actor.email(), id);
        return saved;
    }

    /** Moves the ticket along its lifecycle; an illegal change is refused with ticket.error.transition. */
    @Transactional
    public Ticket changeStatus(StaffPrincipal actor, TicketId id, long expectedVersion, TicketStatus status) {
        Ticket ticket = load(actor, id);
        TicketAccess.requireEdit(actor, ticket);
        requireVersion(ticket, expectedVersion);
        TicketStatus before = ticket.status();
        ticket.changeStatus(status, actor.id(), clock.instant());
        Ticket saved = save(ticket);
        history.record(RECORD_TYPE, id.value(), saved.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(Map.of("status", before.name()), Map.of("status", status.name())));
        log.info("Staff user {} moved ticket {} from {} to {}", actor.email(), id, before, status);
        if (before != status) {
            activities.statusChanged(actor, saved); // EXP-7
        }
        return saved;
    }

    @Transactional
    public Ticket addMember(StaffPrincipal actor, TicketId id, long expectedVersion, StaffUserId member) {
        Ticket ticket = load(actor, id);
        TicketAccess.requireEdit(actor, ticket);
        requireVersion(ticket, expectedVersion);
        if (!staff.isActive(member)) {
            throw TicketException.of("member", "ticket.error.member");
        }
        String before = memberNames(ticket.memberIds());
        if (!ticket.addMember(member, actor.id(), clock.instant())) {
            return ticket;
        }
        return saveMembers(actor, ticket, before);
    }

    @Transactional
    public Ticket removeMember(StaffPrincipal actor, TicketId id, long expectedVersion, StaffUserId member) {
        Ticket ticket = load(actor, id);
        TicketAccess.requireEdit(actor, ticket);
        requireVersion(ticket, expectedVersion);
        String before = memberNames(ticket.memberIds());
        if (!ticket.removeMember(member, actor.id(), clock.instant())) {
            return ticket;
        }
        return saveMembers(actor, ticket, before);
    }

    /**
     * Deletes the ticket for good (issue 3 item 9) with its comments, staff memberships and files;
     * a stale version deletes nothing.
     */
    @Transactional
    public void delete(StaffPrincipal actor, TicketId id, long expectedVersion) {
        Ticket ticket = load(actor, id);
        TicketAccess.requireEdit(actor, ticket);
        requireVersion(ticket, expectedVersion);
        remove(RecordWriter.of(actor), ticket);
    }

    /**
     * EXP-5: deletes the ticket for a portal user the portal module has already authorized, exactly
     * as staff delete one (for good, with comments, memberships and files); stale versions refused.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void deleteForPortal(RecordWriter writer, TicketId id, long expectedVersion) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new StaleVersionException("ticket " + id));
        requireVersion(ticket, expectedVersion);
        remove(writer, ticket);
    }

    /** Display names of the ticket's assignee and members, by id. */
    @Transactional(readOnly = true)
    public Map<StaffUserId, String> people(StaffPrincipal actor, Ticket ticket) {
        TicketAccess.requireView(actor);
        Set<StaffUserId> ids = new HashSet<>(ticket.memberIds());
        if (ticket.assigneeId() != null) {
            ids.add(ticket.assigneeId());
        }
        return staff.names(ids);
    }

    // ---- The REST API (issue 3 item 9, docs/api.md): an integration acts through its API token. ----

    /** Tickets of companies outside the recycle bin for an integration, oldest change first. */
    @Transactional(readOnly = true)
    public Page<Ticket> changedSince(ApiPrincipal client, Instant since, Pageable pageable) {
        ApiAccess.requireRead(client);
        Timestamp from = Timestamp.from(since == null ? Instant.EPOCH : since);
        String condition = " from ticket t join company co on co.id = t.company_id"
                + " where co.deleted_at is null and t.updated_at >= :since";
        long total = jdbc.sql("select count(*)" + condition).param("since", from).query(Long.class).single();
        List<TicketId> ids = jdbc.sql("select t.id" + condition
                        + " order by t.updated_at, t.id limit :limit offset :offset")
                .param("since", from).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new TicketId(rs.getObject("id", UUID.class))).list();
        Map<TicketId, Ticket> byId = new HashMap<>();
        tickets.findAllById(ids).forEach(ticket -> byId.put(ticket.id(), ticket));
        return new PageImpl<>(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), pageable, total);
    }

    /** A ticket whose company is not in the recycle bin. */
    @Transactional(readOnly = true)
    public Optional<Ticket> find(ApiPrincipal client, TicketId id) {
        ApiAccess.requireRead(client);
        return tickets.findById(id).filter(ticket -> companies.find(client, ticket.companyId()).isPresent());
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> findByExternalRef(ApiPrincipal client, String externalRef) {
        ApiAccess.requireRead(client);
        return tickets.findByExternalRef(externalRef)
                .filter(ticket -> companies.find(client, ticket.companyId()).isPresent());
    }

    /**
     * Opens a ticket with the next number. It starts OPEN and, when {@code status} names another
     * status, moves on to it in the same write (every status is one step from OPEN). An integration
     * is nobody to follow the ticket, so it has no members.
     */
    @Transactional
    public Ticket open(ApiPrincipal client, TicketDetails input, TicketStatus status) {
        ApiAccess.requireWrite(client);
        return open(client, RecordWriter.of(client), input, status);
    }

    /**
     * Changes the ticket's fields and, when {@code status} is given and differs, moves it along its
     * lifecycle ({@link TicketStatus#canMoveTo}); an illegal move is refused with
     * ticket.error.transition and changes nothing. Null {@code status} keeps the current one.
     */
    @Transactional
    public Ticket update(ApiPrincipal client, TicketId id, long expectedVersion, TicketDetails input,
                         TicketStatus status) {
        ApiAccess.requireWrite(client);
        Ticket ticket = find(client, id).orElseThrow(() -> TicketException.of("", "record.error.notFound"));
        requireVersion(ticket, expectedVersion);
        return update(client, RecordWriter.of(client), ticket, input, status);
    }

    /**
     * Opens the ticket with this external reference, or brings the existing one up to date; writes
     * nothing when nothing differs, so a repeated sync changes nothing (docs/api.md).
     */
    @Transactional
    public Upserted<Ticket> upsert(ApiPrincipal client, String externalRef, Long expectedVersion, TicketDetails input,
                                   TicketStatus status) {
        ApiAccess.requireWrite(client);
        TicketDetails withRef = new TicketDetails(input.company(), input.subject(), input.description(),
                input.priority(), input.assignee(), externalRef);
        Optional<Ticket> existing = findByExternalRef(client, externalRef);
        if (existing.isEmpty()) {
            return new Upserted<>(open(client, RecordWriter.of(client), withRef, status), true);
        }
        Ticket ticket = existing.get();
        if (expectedVersion != null && ticket.version() != expectedVersion) {
            throw new StaleVersionException("ticket " + ticket.id());
        }
        TicketDetails details = checked(visible(client), withRef, ticket.id());
        if (details.equals(ticket.details()) && (status == null || status == ticket.status())) {
            return new Upserted<>(ticket, false);
        }
        return new Upserted<>(update(client, RecordWriter.of(client), ticket, withRef, status), false);
    }

    /** Deletes the ticket for an integration, as {@link #delete(StaffPrincipal, TicketId, long)}. */
    @Transactional
    public void delete(ApiPrincipal client, TicketId id, long expectedVersion) {
        ApiAccess.requireWrite(client);
        Ticket ticket = load(client, id);
        requireVersion(ticket, expectedVersion);
        remove(RecordWriter.of(client), ticket);
    }

    /** The ticket if an integration may see it, for its comments. */
    Ticket load(ApiPrincipal client, TicketId id) {
        return find(client, id).orElseThrow(() -> TicketException.of("", "record.error.notFound"));
    }

    private Ticket open(ApiPrincipal client, RecordWriter writer, TicketDetails input, TicketStatus status) {
        TicketDetails details = checked(visible(client), input, null);
        long number = jdbc.sql("select nextval('ticket_number_seq')").query(Long.class).single();
        Instant now = clock.instant();
        Ticket ticket = Ticket.openThroughApi(number, details, writer.staffId(), now);
        if (status != null && status != TicketStatus.OPEN) {
            ticket.changeStatus(status, writer.staffId(), now);
        }
        Ticket saved = tickets.save(ticket);
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.CREATED, writer.author(),
                RecordHistory.diff(Map.of(), snapshot(visible(client), saved)));
        log.info("{} opened ticket #{} ({})", writer.logName(), number, saved.id());
        return saved;
    }

    private Ticket update(ApiPrincipal client, RecordWriter writer, Ticket ticket, TicketDetails input, TicketStatus status) {
        TicketDetails details = checked(visible(client), input, ticket.id());
        if (status != null && status != ticket.status() && !ticket.status().canMoveTo(status)) {
            throw TicketException.of("status", "ticket.error.transition");
        }
        Map<String, String> before = snapshot(visible(client), ticket);
        Instant now = clock.instant();
        ticket.apply(details, writer.staffId(), now);
        if (status != null && status != ticket.status()) {
            ticket.changeStatus(status, writer.staffId(), now);
        }
        Ticket saved = save(ticket);
        history.record(RECORD_TYPE, saved.id().value(), saved.version(), ChangeAction.UPDATED, writer.author(),
                RecordHistory.diff(before, snapshot(visible(client), saved)));
        log.info("{} edited ticket {}", writer.logName(), saved.id());
        return saved;
    }

    private void remove(RecordWriter writer, Ticket ticket) {
        UUID id = ticket.id().value();
        int batch;
        do {
            List<Map.Entry<UUID, Long>> deleted = jdbc.sql("""
                            delete from ticket_comment where id in (
                                select id from ticket_comment where ticket_id = :ticket limit 500)
                            returning id, version""")
                    .param("ticket", id)
                    .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("version")))
                    .list();
            for (Map.Entry<UUID, Long> comment : deleted) {
                history.record(TicketComments.RECORD_TYPE, comment.getKey(), comment.getValue(), ChangeAction.DELETED,
                        writer.author(), List.of());
            }
            batch = deleted.size();
        } while (batch == 500);
        int deletedFiles = files.getObject().deleteAllOf(writer, new OwnerRef(TicketFileOwner.TYPE, id));
        jdbc.sql("delete from ticket_staff_member where ticket_id = :ticket").param("ticket", id).update();
        int deleted = jdbc.sql("delete from ticket where id = :id and version = :version")
                .param("id", id).param("version", ticket.version()).update();
        if (deleted == 0) {
            throw new StaleVersionException("ticket " + ticket.id());
        }
        history.record(RECORD_TYPE, id, ticket.version(), ChangeAction.DELETED, writer.author(), List.of());
        log.info("{} deleted ticket #{} ({}) with its comments and {} file(s)", writer.logName(), ticket.number(), id,
                deletedFiles);
    }

    private Function<CompanyId, Optional<Company>> visible(ApiPrincipal client) {
        return id -> companies.find(client, id);
    }

    private Ticket saveMembers(StaffPrincipal actor, Ticket ticket, String before) {
        Ticket saved = save(ticket);
        history.record(RECORD_TYPE, ticket.id().value(), saved.version(), ChangeAction.UPDATED, ChangeAuthor.of(actor),
                RecordHistory.diff(Map.of("members", before == null ? "" : before),
                        mapOf("members", memberNames(saved.memberIds()))));
        log.info("Staff user {} changed the members of ticket {}", actor.email(), ticket.id());
        return saved;
    }

    Ticket load(StaffPrincipal actor, TicketId id) {
        return find(actor, id).orElseThrow(() -> TicketException.of("", "record.error.notFound"));
    }

    private static void requireVersion(Ticket ticket, long expectedVersion) {
        if (ticket.version() != expectedVersion) {
            throw new StaleVersionException("ticket " + ticket.id());
        }
    }

    private Ticket save(Ticket ticket) {
        try {
            return tickets.save(ticket);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("ticket " + ticket.id());
        }
    }

    private TicketDetails checked(StaffPrincipal actor, TicketDetails input, TicketId self) {
        return checked(id -> companies.find(actor, id), input, self);
    }

    private TicketDetails checked(Function<CompanyId, Optional<Company>> visibleCompany, TicketDetails input,
                                  TicketId self) {
        Problems problems = new Problems();
        TicketDetails details;
        try {
            details = input.validated();
        } catch (TicketException e) {
            e.problems().forEach(problems::add);
            details = null;
        }
        if (input.company() != null && visibleCompany.apply(input.company()).isEmpty()) {
            problems.add("company", "ticket.error.company");
        }
        if (input.assignee() != null && !staff.isActive(input.assignee())) {
            problems.add("assignee", "ticket.error.assignee");
        }
        String ref = Problems.clean(input.externalRef());
        if (ref != null && tickets.findByExternalRef(ref).filter(other -> !other.id().equals(self)).isPresent()) {
            problems.add("externalRef", "record.error.externalRefTaken");
        }
        problems.throwIfAny();
        return details;
    }

    /** The fields as the record's history shows them. */
    private Map<String, String> snapshot(StaffPrincipal actor, Ticket ticket) {
        return snapshot(id -> companies.find(actor, id), ticket);
    }

    private Map<String, String> snapshot(Function<CompanyId, Optional<Company>> visibleCompany, Ticket ticket) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("company", visibleCompany.apply(ticket.companyId()).map(Company::name).orElse(null));
        fields.put("subject", ticket.subject());
        fields.put("description", RichText.plainText(ticket.description()));
        fields.put("status", ticket.status().name());
        fields.put("priority", ticket.priority().name());
        fields.put("assignee", ticket.assigneeId() == null ? null
                : staff.names(Set.of(ticket.assigneeId())).get(ticket.assigneeId()));
        fields.put("members", memberNames(ticket.memberIds()));
        fields.put("externalRef", ticket.externalRef());
        return fields;
    }

    private String memberNames(Set<StaffUserId> ids) {
        List<String> names = new ArrayList<>(staff.names(ids).values());
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static Map<String, String> mapOf(String key, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    /** A LIKE pattern that finds the text anywhere, with LIKE's wildcards taken literally. */
    static String contains(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
