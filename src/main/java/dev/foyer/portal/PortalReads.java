package dev.foyer.portal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.foyer.portal.PortalField.*;

/**
 * The one door through which portal-visible data is read (ARCHITECTURE.md "The one rule about
 * access", PRODUCT.md §4). Every method loads the portal user afresh (ACC-9), turns the rules into
 * SQL predicates over the tables ({@link Visibility}), selects only the fields the user type shows
 * (ACC-8; a hidden field is null, never just "not rendered") and never selects internal notes,
 * order tasks or non-customer flags (ACC-6, ACC-11). What is not visible is absent: an empty
 * Optional, as for what does not exist (ACC-10), and counts and totals count only what is visible.
 * Any error fails closed: nothing is visible, and the failure is logged once.
 */
@Service
public class PortalReads {

    /** No portal list answers more than this many rows at once. */
    public static final int MAX_PAGE = 200;
    private static final Logger log = LoggerFactory.getLogger(PortalReads.class);

    private final JdbcClient jdbc;
    private final PortalViewers viewers;
    private final VisibilityRules rules;
    private final TransactionTemplate readOnly;

    @Autowired
    PortalReads(JdbcClient jdbc, PortalViewers viewers, PlatformTransactionManager transactions) {
        this(jdbc, viewers, transactions, VisibilityRules.STANDARD);
    }

    /** For the leak suite's weakened variants only (same package); production uses the standard rules. */
    PortalReads(JdbcClient jdbc, PortalViewers viewers, PlatformTransactionManager transactions, VisibilityRules rules) {
        this.jdbc = jdbc;
        this.viewers = viewers;
        this.rules = rules;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    // ---------------------------------------------------------------- projects

    /** EXP-2: the viewer's visible projects, by name. */
    public Page<PortalProject> projects(PortalUserId user, Pageable pageable) {
        return page(user, pageable, v -> query(v, v.project(), projectColumns(v), "", Map.of(),
                "lower(p.name), p.id", this::project, pageable));
    }

    public Optional<PortalProject> project(PortalUserId user, UUID projectId) {
        return one(user, v -> single(v, v.project(), projectColumns(v), projectId, this::project));
    }

    /**
     * The visible items of one kind inside a visible project (ACC-4): task lists holding a shared
     * task, shared tasks, milestones, updates, documents, events, comments. Empty when the project
     * is not visible.
     */
    public Page<PortalItem> projectItems(PortalUserId user, UUID projectId, RecordKind kind, Pageable pageable) {
        if (!kind.isProjectItem()) {
            throw new IllegalArgumentException(kind + " is not a project item");
        }
        return page(user, pageable, v -> query(v, v.of(kind), itemColumns(v, kind), " and t.project_id = :container",
                params("container", projectId), itemOrder(v, kind), this::item, pageable));
    }

    /** One visible project item or ticket comment by id; empty when not visible (ACC-10). */
    public Optional<PortalItem> item(PortalUserId user, RecordRef ref) {
        if (!ref.kind().isProjectItem() && ref.kind() != RecordKind.TICKET_COMMENT) {
            throw new IllegalArgumentException(ref.kind() + " is not an item");
        }
        return one(user, v -> single(v, v.of(ref.kind()), itemColumns(v, ref.kind()), ref.id(), this::item));
    }

    // ---------------------------------------------------------------- tickets

    /** EXP-3: the viewer's visible tickets, most recently changed first. */
    public Page<PortalTicket> tickets(PortalUserId user, Pageable pageable) {
        return page(user, pageable, v -> query(v, v.ticket(), ticketColumns(v), "", Map.of(),
                "k.updated_at desc, k.id desc", this::ticket, pageable));
    }

    public Optional<PortalTicket> ticket(PortalUserId user, UUID ticketId) {
        return one(user, v -> single(v, v.ticket(), ticketColumns(v), ticketId, this::ticket));
    }

    /** The visible comments of a visible ticket, oldest first (ACC-11: never internal notes). */
    public Page<PortalItem> ticketComments(PortalUserId user, UUID ticketId, Pageable pageable) {
        return page(user, pageable, v -> query(v, v.ticketComment(), itemColumns(v, RecordKind.TICKET_COMMENT),
                " and t.ticket_id = :container", params("container", ticketId), "t.created_at, t.id", this::item,
                pageable));
    }

    // ---------------------------------------------------------------- finance

    /** EXP-4, ACC-5: the viewer's visible financial documents of one kind, most recently changed first. */
    public Page<PortalFinanceDocument> financeDocuments(PortalUserId user, FinanceKind kind, Pageable pageable) {
        return page(user, pageable, v -> query(v, v.financeDocument(), financeColumns(v), " and d.kind = :kind",
                params("kind", kind.name()), "d.updated_at desc, d.id desc", this::finance, pageable));
    }

    public Optional<PortalFinanceDocument> financeDocument(PortalUserId user, UUID documentId) {
        return one(user, v -> single(v, v.financeDocument(), financeColumns(v), documentId, this::finance));
    }

    // ---------------------------------------------------------------- files

    /** The visible files attached to one record (ACC-7), newest first; empty when the record is not visible. */
    public Page<PortalFile> files(PortalUserId user, RecordRef owner, Pageable pageable) {
        String ownerType = Visibility.FILE_OWNERS.entrySet().stream().filter(e -> e.getValue() == owner.kind())
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (ownerType == null) {
            return Page.empty(capped(pageable));
        }
        Map<String, Object> extra = params("ownerType", ownerType);
        extra.put("owner", owner.id());
        return page(user, pageable, v -> query(v, v.file(), fileColumns(v),
                " and f.owner_type = :ownerType and f.owner_id = :owner", extra, "f.created_at desc, f.id desc",
                this::file, pageable));
    }

    /** The download check (ACC-7): the file when the viewer may download it, else empty (404). */
    public Optional<PortalFile> file(PortalUserId user, UUID fileId) {
        return one(user, v -> single(v, v.file(), fileColumns(v), fileId, this::file));
    }

    // ---------------------------------------------------------------- explain

    /** Whether the portal user sees the record right now. */
    public boolean canSee(PortalUserId user, RecordRef ref) {
        return explain(user, ref).visible();
    }

    /**
     * "Who can see this, and why" (issue 5 item 7): each rule evaluated separately for one record,
     * in order: the user's own state (ACC-9, PRT-1), then every clause of the record kind's
     * predicate. Visible only when every check passes; an error is one failed check.
     */
    public Explanation explain(PortalUserId user, RecordRef ref) {
        try {
            return readOnly.execute(status -> explainIn(user, ref));
        } catch (RuntimeException e) {
            log.warn("Explaining {} for portal user {} failed; reporting it as not visible", ref, user, e);
            return new Explanation(user, ref, List.of(check("ACC-12", false, "portal.explain.error", List.of())));
        }
    }

    private Explanation explainIn(PortalUserId user, RecordRef ref) {
        List<VisibilityCheck> checks = new ArrayList<>();
        {
            Optional<PortalViewer> found = viewers.load(user);
            if (found.isEmpty()) {
                checks.add(check("ACC-9", false, "portal.explain.user", List.of()));
                return new Explanation(user, ref, checks);
            }
            PortalViewer viewer = found.get();
            checks.add(check("ACC-9", viewer.status() == PortalUserStatus.ACTIVE, "portal.explain.status",
                    List.of(viewer.status().name())));
            checks.add(check("PRT-1", viewer.portalActive(), "portal.explain.portal", List.of()));
            checks.add(check("ACC-1", viewer.contactPresent(), "portal.explain.contact", List.of()));
            Predicate predicate = new Visibility(rules, viewer).of(ref.kind());
            List<Clause> clauses = predicate.clauses();
            String columns = java.util.stream.IntStream.range(0, clauses.size())
                    .mapToObj(i -> "coalesce((" + clauses.get(i).sql() + "), false) as c" + i)
                    .collect(Collectors.joining(", "));
            Optional<List<Boolean>> results = jdbc.sql("select " + columns + " from " + predicate.from() + " where "
                            + predicate.idColumn() + " = :id")
                    .params(rules.parameters(viewer)).param("id", ref.id())
                    .query((rs, n) -> {
                        List<Boolean> passed = new ArrayList<>();
                        for (int i = 0; i < clauses.size(); i++) {
                            passed.add(rs.getBoolean("c" + i));
                        }
                        return passed;
                    }).optional();
            if (results.isEmpty()) {
                checks.add(check("ACC-10", false, "portal.explain.exists", List.of()));
                return new Explanation(user, ref, checks);
            }
            for (int i = 0; i < clauses.size(); i++) {
                Clause clause = clauses.get(i);
                checks.add(check(clause.rule(), results.get().get(i), clause.messageKey(), clause.args()));
            }
        }
        return new Explanation(user, ref, checks);
    }

    private static VisibilityCheck check(String rule, boolean passed, String key, List<Object> args) {
        return new VisibilityCheck(rule, passed, key + (passed ? ".pass" : ".fail"), args);
    }

    // ---------------------------------------------------------------- the door itself

    /** Loads the viewer and runs the read; an inactive viewer or any error sees an empty page (fail closed). */
    private <T> Page<T> page(PortalUserId user, Pageable pageable, Function<Visibility, Page<T>> read) {
        Pageable capped = capped(pageable);
        try {
            // One read-only transaction: the count and the rows see the same snapshot. An exception
            // rolls it back before the catch below decides what the viewer gets (nothing).
            return readOnly.execute(status -> {
                Optional<PortalViewer> viewer = viewers.load(user);
                if (viewer.isEmpty() || !viewer.get().active()) {
                    return Page.<T>empty(capped);
                }
                return read.apply(new Visibility(rules, viewer.get()));
            });
        } catch (RuntimeException e) {
            log.warn("A portal read for portal user {} failed; showing nothing", user, e);
            return Page.empty(capped);
        }
    }

    private <T> Optional<T> one(PortalUserId user, Function<Visibility, Optional<T>> read) {
        try {
            return readOnly.execute(status -> {
                Optional<PortalViewer> viewer = viewers.load(user);
                if (viewer.isEmpty() || !viewer.get().active()) {
                    return Optional.<T>empty();
                }
                return read.apply(new Visibility(rules, viewer.get()));
            });
        } catch (RuntimeException e) {
            log.warn("A portal read for portal user {} failed; showing nothing", user, e);
            return Optional.empty();
        }
    }

    private <T> Page<T> query(Visibility v, Predicate predicate, String columns, String filter,
                              Map<String, Object> extra, String orderBy, RowMapper<T> mapper, Pageable pageable) {
        Pageable capped = capped(pageable);
        Map<String, Object> params = new HashMap<>(rules.parameters(v.viewer()));
        params.putAll(extra);
        String where = " from " + predicate.from() + " where " + predicate.where() + filter;
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<T> rows = total == 0 ? List.of() : jdbc.sql("select " + columns + where + " order by " + orderBy
                        + " limit :limit offset :offset")
                .params(params).param("limit", capped.getPageSize()).param("offset", capped.getOffset())
                .query(mapper).list();
        return new PageImpl<>(rows, capped, total);
    }

    private <T> Optional<T> single(Visibility v, Predicate predicate, String columns, UUID id, RowMapper<T> mapper) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + columns + " from " + predicate.from() + " where " + predicate.idColumn()
                        + " = :id and " + predicate.where())
                .params(rules.parameters(v.viewer())).param("id", id).query(mapper).optional();
    }

    private static Pageable capped(Pageable pageable) {
        if (pageable == null || pageable.isUnpaged()) {
            return PageRequest.of(0, 20);
        }
        return pageable.getPageSize() > MAX_PAGE ? PageRequest.of(pageable.getPageNumber(), MAX_PAGE) : pageable;
    }

    private static Map<String, Object> params(String name, Object value) {
        Map<String, Object> params = new HashMap<>();
        params.put(name, value);
        return params;
    }

    // ---------------------------------------------------------------- what each kind selects (ACC-8)

    private static String select(Map<String, String> columns) {
        return columns.entrySet().stream().map(e -> e.getValue() + " as " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String projectColumns(Visibility v) {
        String visibleTask = Visibility.and(v.itemClauses(RecordKind.TASK, "x"));
        Map<String, String> c = new LinkedHashMap<>();
        c.put("id", "p.id");
        c.put("name", v.field(PROJECT_NAME, "p.name", "text"));
        c.put("description", v.field(PROJECT_DESCRIPTION, "p.description", "text"));
        c.put("status", v.field(PROJECT_STATUS, "p.status", "text"));
        c.put("start_date", v.field(PROJECT_START_DATE, "p.start_date", "date"));
        c.put("due_date", v.field(PROJECT_DUE_DATE, "p.due_date", "date"));
        c.put("shared_tasks", "(select count(*) from task x where x.project_id = p.id and " + visibleTask + ")");
        c.put("done_tasks", v.field(TASK_STATUS, "(select count(*) from task x where x.project_id = p.id and "
                + "x.status = 'DONE' and " + visibleTask + ")", "bigint"));
        return select(c);
    }

    private PortalProject project(ResultSet rs, int n) throws SQLException {
        return new PortalProject(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("status"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getLong("shared_tasks"),
                (Long) rs.getObject("done_tasks", Long.class));
    }

    private static String ticketColumns(Visibility v) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("id", "k.id");
        c.put("number", "k.number");
        c.put("subject", v.field(TICKET_SUBJECT, "k.subject", "text"));
        c.put("description", v.field(TICKET_DESCRIPTION, "k.description", "text"));
        c.put("status", v.field(TICKET_STATUS, "k.status", "text"));
        c.put("priority", v.field(TICKET_PRIORITY, "k.priority", "text"));
        return select(c);
    }

    private PortalTicket ticket(ResultSet rs, int n) throws SQLException {
        return new PortalTicket(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getString("subject"),
                rs.getString("description"), rs.getString("status"), rs.getString("priority"));
    }

    /** Every item kind answers the same columns; what a kind lacks or the viewer may not see is a typed null. */
    private static String itemColumns(Visibility v, RecordKind kind) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("kind", "'" + kind.name() + "'");
        c.put("id", "t.id");
        c.put("container_id", kind == RecordKind.TICKET_COMMENT ? "t.ticket_id" : "t.project_id");
        c.put("parent_id", "cast(null as uuid)");
        c.put("title", "cast(null as text)");
        c.put("body", "cast(null as text)");
        c.put("status", "cast(null as text)");
        c.put("due_date", "cast(null as date)");
        c.put("done", "cast(null as boolean)");
        c.put("starts_at", "cast(null as timestamp)");
        c.put("ends_at", "cast(null as timestamp)");
        c.put("from_portal", kind == RecordKind.TASK_LIST ? "false" : "(t.portal_author_id is not null)");
        switch (kind) {
            case TASK_LIST -> c.put("title", "t.name");
            case TASK -> {
                c.put("parent_id", "t.task_list_id");
                c.put("title", v.field(TASK_TITLE, "t.title", "text"));
                c.put("body", v.field(TASK_DESCRIPTION, "t.description", "text"));
                c.put("status", v.field(TASK_STATUS, "t.status", "text"));
                c.put("due_date", v.field(TASK_DUE_DATE, "t.due_date", "date"));
            }
            case MILESTONE -> {
                c.put("title", v.field(MILESTONE_TITLE, "t.title", "text"));
                c.put("due_date", v.field(MILESTONE_DUE_DATE, "t.due_date", "date"));
                c.put("done", v.field(MILESTONE_DONE, "t.done", "boolean"));
            }
            case UPDATE -> {
                c.put("title", v.field(UPDATE_TITLE, "t.title", "text"));
                c.put("body", v.field(UPDATE_BODY, "t.body", "text"));
            }
            case DOCUMENT -> {
                c.put("title", v.field(DOCUMENT_TITLE, "t.title", "text"));
                c.put("body", v.field(DOCUMENT_BODY, "t.body", "text"));
            }
            case EVENT -> {
                c.put("title", v.field(EVENT_TITLE, "t.title", "text"));
                c.put("body", v.rules().eventDescriptions(v.viewer()) ? "t.description" : "cast(null as text)");
                c.put("starts_at", v.field(EVENT_TIME, "t.starts_at", "timestamp"));
                c.put("ends_at", v.field(EVENT_TIME, "t.ends_at", "timestamp"));
            }
            case PROJECT_COMMENT -> {
                c.put("parent_id", "t.item_id");
                c.put("body", v.field(COMMENT_BODY, "t.body", "text"));
            }
            case TICKET_COMMENT -> c.put("body", v.field(COMMENT_BODY, "t.body", "text"));
            default -> throw new IllegalArgumentException(kind + " is not an item");
        }
        return select(c);
    }

    /** Orders by what the viewer may see: a hidden due date does not order milestones either (ACC-8). */
    private static String itemOrder(Visibility v, RecordKind kind) {
        return switch (kind) {
            case TASK_LIST -> "t.position, t.id";
            case TASK -> "t.task_list_id, t.position, t.id";
            case MILESTONE -> v.rules().shows(v.viewer(), MILESTONE_DUE_DATE) ? "t.due_date, t.id" : "t.created_at, t.id";
            case UPDATE -> "t.created_at desc, t.id desc";
            case DOCUMENT -> "lower(t.title), t.id";
            case EVENT -> "t.starts_at, t.id";
            default -> "t.created_at, t.id";
        };
    }

    private PortalItem item(ResultSet rs, int n) throws SQLException {
        return new PortalItem(RecordKind.valueOf(rs.getString("kind")), rs.getObject("id", UUID.class),
                rs.getObject("container_id", UUID.class), rs.getObject("parent_id", UUID.class),
                rs.getString("title"), rs.getString("body"), rs.getString("status"),
                rs.getObject("due_date", LocalDate.class), (Boolean) rs.getObject("done", Boolean.class),
                rs.getObject("starts_at", LocalDateTime.class), rs.getObject("ends_at", LocalDateTime.class),
                rs.getBoolean("from_portal"));
    }

    /** Per kind, through that kind's field rights; never internal notes, order tasks or a non-customer flag. */
    private static String financeColumns(Visibility v) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("id", "d.id");
        c.put("kind", "d.kind");
        c.put("number", byKind(v, "d.number", "text", QUOTE_NUMBER, INVOICE_NUMBER, ORDER_NUMBER, CONTRACT_NUMBER));
        c.put("status", "d.status");
        c.put("issue_date", byKind(v, "d.issue_date", "date", null, null, null, CONTRACT_START_DATE));
        c.put("due_date", byKind(v, "d.due_date", "date", QUOTE_VALID_UNTIL, INVOICE_DUE_DATE, ORDER_DELIVERY_DATE,
                CONTRACT_END_DATE));
        c.put("currency", "d.currency");
        c.put("total", byKind(v, "d.total", "numeric", QUOTE_TOTAL, INVOICE_TOTAL, ORDER_TOTAL, null));
        c.put("terms", byKind(v, "d.terms", "text", QUOTE_TERMS, INVOICE_TERMS, null, CONTRACT_TERMS));
        c.put("customer_flag", "case when d.kind = 'ORDER' then (select fl.name from finance_order_flag fl"
                + " where fl.id = d.order_flag_id and fl.customer_flag) end");
        return select(c);
    }

    /** A column whose field right depends on the document's kind; a null field means the kind has no right for it (always shown). */
    private static String byKind(Visibility v, String column, String type, PortalField quote, PortalField invoice,
                                 PortalField order, PortalField contract) {
        PortalField[] fields = {quote, invoice, order, contract};
        StringBuilder sql = new StringBuilder("case d.kind");
        FinanceKind[] kinds = FinanceKind.values();
        for (int i = 0; i < kinds.length; i++) {
            sql.append(" when '").append(kinds[i].name()).append("' then ")
                    .append(fields[i] == null ? column : v.field(fields[i], column, type));
        }
        return sql.append(" end").toString();
    }

    private PortalFinanceDocument finance(ResultSet rs, int n) throws SQLException {
        return new PortalFinanceDocument(rs.getObject("id", UUID.class), FinanceKind.valueOf(rs.getString("kind")),
                rs.getString("number"), rs.getString("status"), rs.getObject("issue_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getString("currency"),
                rs.getObject("total", BigDecimal.class), rs.getString("terms"), rs.getString("customer_flag"));
    }

    private static String fileColumns(Visibility v) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("id", "f.id");
        c.put("owner_type", "f.owner_type");
        c.put("owner_id", "f.owner_id");
        c.put("name", v.field(FILE_NAME, "f.name", "text"));
        c.put("file_type", v.field(FILE_TYPE, "ft.name", "text"));
        c.put("size_bytes", v.field(FILE_SIZE, "f.size_bytes", "bigint"));
        c.put("content_type", "f.content_type");
        return select(c);
    }

    private PortalFile file(ResultSet rs, int n) throws SQLException {
        RecordKind ownerKind = Visibility.FILE_OWNERS.get(rs.getString("owner_type"));
        return new PortalFile(rs.getObject("id", UUID.class), new RecordRef(ownerKind, rs.getObject("owner_id", UUID.class)),
                rs.getString("name"), rs.getString("file_type"), (Long) rs.getObject("size_bytes", Long.class),
                rs.getString("content_type"));
    }

    // ---------------------------------------------------------------- the portal's own pages (issue 7)

    /**
     * The modules the viewer's user type lets them see right now (PRT-3, ACC-2), so pages and
     * navigation can leave out what is not granted. Empty for an inactive viewer or on any error.
     */
    public java.util.Set<PortalModule> visibleModules(PortalUserId user) {
        return one(user, v -> {
            java.util.Set<PortalModule> granted = java.util.EnumSet.noneOf(PortalModule.class);
            v.viewer().rights().modules().forEach((module, right) -> {
                if (right != null && right.grantsView()) {
                    granted.add(module);
                }
            });
            return Optional.of(java.util.Set.copyOf(granted));
        }).orElse(java.util.Set.of());
    }

    /**
     * EXP-1: the viewer's visible tickets that are still open or pending. When the user type hides
     * the ticket status, the status cannot filter either (ACC-8): every visible ticket is answered.
     */
    public Page<PortalTicket> openTickets(PortalUserId user, Pageable pageable) {
        return page(user, pageable, v -> query(v, v.ticket(), ticketColumns(v),
                v.rules().shows(v.viewer(), TICKET_STATUS) ? " and k.status in ('OPEN', 'PENDING')" : "", Map.of(),
                "k.updated_at desc, k.id desc", this::ticket, pageable));
    }

    /** EXP-1, EXP-4: visible financial documents of one kind in one of the given statuses (ACC-5 still applies). */
    public Page<PortalFinanceDocument> financeDocuments(PortalUserId user, FinanceKind kind,
                                                        java.util.Collection<String> statuses, Pageable pageable) {
        Map<String, Object> extra = params("kind", kind.name());
        extra.put("statuses", statuses.toArray(String[]::new));
        return page(user, pageable, v -> query(v, v.financeDocument(), financeColumns(v),
                " and d.kind = :kind and d.status = any(:statuses)", extra, "d.updated_at desc, d.id desc",
                this::finance, pageable));
    }

    /** EXP-1: shared updates of every visible project, newest first (ACC-4). */
    public Page<PortalItem> recentUpdates(PortalUserId user, Pageable pageable) {
        return page(user, pageable, v -> query(v, v.of(RecordKind.UPDATE), itemColumns(v, RecordKind.UPDATE), "",
                Map.of(), "t.created_at desc, t.id desc", this::item, pageable));
    }

    /** EXP-2: the shared tasks of one task list of a visible project (ACC-4), in the list's order. */
    public Page<PortalItem> tasks(PortalUserId user, UUID projectId, UUID taskListId, Pageable pageable) {
        Map<String, Object> extra = params("container", projectId);
        extra.put("list", taskListId);
        return page(user, pageable, v -> query(v, v.of(RecordKind.TASK), itemColumns(v, RecordKind.TASK),
                " and t.project_id = :container and t.task_list_id = :list", extra, itemOrder(v, RecordKind.TASK),
                this::item, pageable));
    }

    // ---------------------------------------------------------------- finance: lines and quote answers (EXP-4)

    /** No document has more lines than finance accepts (DocumentDetails.MAX_LINES); the bound keeps the read bounded. */
    private static final int MAX_LINES = 200;

    /**
     * EXP-4: the line items of one visible financial document with totals per tax rate and the
     * grand total, in one query over the document's visibility predicate; empty when the viewer
     * may not see the document (ACC-10). When the kind's total is hidden (ACC-8), no amount is
     * selected at all — unit prices and line totals would add up to it.
     */
    public Optional<PortalFinanceLines> financeLines(PortalUserId user, UUID documentId) {
        return one(user, v -> {
            if (documentId == null) {
                return Optional.<PortalFinanceLines>empty();
            }
            Predicate predicate = v.financeDocument();
            String amounts = byKind(v, "true", "boolean", QUOTE_TOTAL, INVOICE_TOTAL, ORDER_TOTAL, null);
            String price = byKind(v, "l.unit_price", "numeric", QUOTE_TOTAL, INVOICE_TOTAL, ORDER_TOTAL, null);
            List<LineRow> rows = jdbc.sql("select d.currency, " + amounts + " as amounts, l.position, l.description,"
                            + " l.quantity, l.unit, " + price + " as unit_price, l.discount_percent, l.tax_rate from "
                            + predicate.from() + " left join finance_document_line l on l.document_id = d.id where "
                            + predicate.idColumn() + " = :id and " + predicate.where()
                            + " order by l.position limit :limit")
                    .params(rules.parameters(v.viewer())).param("id", documentId).param("limit", MAX_LINES)
                    .query((rs, n) -> new LineRow(rs.getString("currency"), rs.getObject("amounts") != null,
                            (Integer) rs.getObject("position", Integer.class), rs.getString("description"),
                            rs.getBigDecimal("quantity"), rs.getString("unit"), rs.getBigDecimal("unit_price"),
                            rs.getBigDecimal("discount_percent"), rs.getBigDecimal("tax_rate")))
                    .list();
            if (rows.isEmpty()) {
                return Optional.<PortalFinanceLines>empty();
            }
            return Optional.of(lines(rows));
        });
    }

    /**
     * EXP-4: whether a visible quote may be answered online now — sent, and its valid-until date
     * (checked even when the user type hides it) not before {@code today} — and its answer if it
     * has one. Empty when the quote is not visible, or the document is not a quote (ACC-10).
     */
    public Optional<PortalQuoteState> quoteState(PortalUserId user, UUID quoteId, LocalDate today) {
        return one(user, v -> {
            if (quoteId == null) {
                return Optional.<PortalQuoteState>empty();
            }
            Predicate predicate = v.financeDocument();
            return jdbc.sql("select d.id, co.name as company_name,"
                            + " (d.status = 'SENT' and (d.due_date is null or d.due_date >= :today)) as answerable,"
                            + " a.answer, a.signer_name, a.answered_at from " + predicate.from()
                            + " join company co on co.id = d.company_id"
                            + " left join quote_answer a on a.document_id = d.id where " + predicate.idColumn()
                            + " = :id and d.kind = 'QUOTE' and " + predicate.where())
                    .params(rules.parameters(v.viewer())).param("id", quoteId).param("today", today)
                    .query((rs, n) -> new PortalQuoteState(rs.getObject("id", UUID.class),
                            rs.getString("company_name"), rs.getBoolean("answerable"),
                            rs.getString("answer") == null ? null : QuoteAnswerKind.valueOf(rs.getString("answer")),
                            rs.getString("signer_name"),
                            rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()))
                    .optional();
        });
    }

    private record LineRow(String currency, boolean amounts, Integer position, String description,
                           BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal discount,
                           BigDecimal taxRate) {
    }

    /** docs/adr/004: line net = quantity × price × (100 − discount) / 100 rounded half up; tax once per rate. */
    private static PortalFinanceLines lines(List<LineRow> rows) {
        String currency = rows.getFirst().currency().strip();
        boolean amounts = rows.getFirst().amounts();
        int digits;
        try {
            digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(digits);
        List<PortalFinanceLine> lines = new ArrayList<>();
        java.util.TreeMap<BigDecimal, BigDecimal> baseByRate = new java.util.TreeMap<>();
        BigDecimal net = zero;
        for (LineRow row : rows) {
            if (row.position() == null) {
                continue; // the document has no lines (left join)
            }
            BigDecimal lineNet = null;
            if (amounts) {
                lineNet = row.quantity().multiply(row.unitPrice())
                        .multiply(BigDecimal.valueOf(100).subtract(row.discount())).movePointLeft(2)
                        .setScale(digits, java.math.RoundingMode.HALF_UP);
                net = net.add(lineNet);
                baseByRate.merge(row.taxRate().stripTrailingZeros(), lineNet, BigDecimal::add);
            }
            lines.add(new PortalFinanceLine(lines.size() + 1, row.description(), row.quantity().stripTrailingZeros(),
                    row.unit(), row.unitPrice(), row.discount(), row.taxRate(), lineNet));
        }
        if (!amounts) {
            return new PortalFinanceLines(currency, false, lines, List.of(), null, null, null);
        }
        List<PortalFinanceLines.TaxRateTotal> taxes = new ArrayList<>();
        BigDecimal tax = zero;
        for (var entry : baseByRate.entrySet()) {
            BigDecimal rateTax = entry.getValue().multiply(entry.getKey()).movePointLeft(2)
                    .setScale(digits, java.math.RoundingMode.HALF_UP);
            taxes.add(new PortalFinanceLines.TaxRateTotal(entry.getKey().setScale(2), entry.getValue(), rateTax));
            tax = tax.add(rateTax);
        }
        return new PortalFinanceLines(currency, true, lines, taxes, net, tax, net.add(tax));
    }

    // ---------------------------------------------------------------- contacts and company (issue 7 item 5, EXP-5)

    /**
     * EXP-5: the contacts of the viewer's companies (ACC-1) that the CONTACTS module shows (ACC-2:
     * "own" = the viewer's own contact and the colleagues they added), by name; hidden fields are
     * null (ACC-8). Contacts in the recycle bin are never shown.
     */
    public Page<PortalContact> contacts(PortalUserId user, Pageable pageable) {
        return page(user, pageable, v -> query(v, contact(v), contactColumns(v), "", Map.of(),
                "lower(c.last_name), lower(c.first_name), c.id", this::contact, pageable));
    }

    /** One contact as {@link #contacts} shows it; empty when not visible or unknown (ACC-10). */
    public Optional<PortalContact> contact(PortalUserId user, UUID contactId) {
        return one(user, v -> single(v, contact(v), contactColumns(v), contactId, this::contact));
    }

    /**
     * EXP-5: the company of the viewer's own contact when the COMPANIES module is granted (either
     * scope: it is the company linked to their contact) and it is in their scope (ACC-1); hidden
     * fields are null (ACC-8).
     */
    public Optional<PortalCompany> company(PortalUserId user) {
        return one(user, v -> {
            Predicate own = new Predicate("company co", "co.id", List.of(rules.scope("co.id"),
                    Clause.of("ACC-2", v.viewer().rights().of(PortalModule.COMPANIES).grantsView() ? Clause.TRUE
                            : Clause.FALSE, "portal.explain.module", PortalModule.COMPANIES.name()),
                    Clause.of("ACC-1", "co.deleted_at is null and co.id = (select k.company_id from contact k"
                            + " where k.id = :contact)", "portal.explain.scope")));
            Map<String, String> c = new LinkedHashMap<>();
            c.put("id", "co.id");
            c.put("name", v.field(COMPANY_NAME, "co.name", "text"));
            c.put("domain", v.field(COMPANY_DOMAIN, "co.domain", "text"));
            c.put("address", v.field(COMPANY_ADDRESS, "co.address", "text"));
            c.put("phone", v.field(COMPANY_PHONE, "co.phone", "text"));
            c.put("version", "co.version");
            return jdbc.sql("select " + select(c) + " from " + own.from() + " where " + own.where())
                    .params(rules.parameters(v.viewer()))
                    .query((rs, n) -> new PortalCompany(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("domain"), rs.getString("address"), rs.getString("phone"),
                            rs.getLong("version")))
                    .optional();
        });
    }

    private Predicate contact(Visibility v) {
        ViewScope scope = v.viewer().rights().of(PortalModule.CONTACTS).viewScope();
        String module = switch (scope) {
            case NONE -> Clause.FALSE;
            case OWN -> "c.portal_author_id = :viewer or c.id = :contact";
            case ACCOUNT -> Clause.TRUE;
        };
        return new Predicate("contact c", "c.id", List.of(rules.scope("c.company_id"),
                Clause.of("ACC-2", module, "portal.explain.module", PortalModule.CONTACTS.name(), scope.name()),
                Clause.of("ACC-1", "c.deleted_at is null", "portal.explain.scope")));
    }

    private static String contactColumns(Visibility v) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("id", "c.id");
        c.put("first_name", v.field(CONTACT_FIRST_NAME, "c.first_name", "text"));
        c.put("last_name", v.field(CONTACT_LAST_NAME, "c.last_name", "text"));
        c.put("email", v.field(CONTACT_EMAIL, "c.email", "text"));
        c.put("phone", v.field(CONTACT_PHONE, "c.phone", "text"));
        c.put("title", v.field(CONTACT_TITLE, "c.title", "text"));
        c.put("own", "coalesce(c.portal_author_id = :viewer, false)");
        c.put("self", "(c.id = :contact)");
        c.put("version", "c.version");
        return select(c);
    }

    private PortalContact contact(ResultSet rs, int n) throws SQLException {
        return new PortalContact(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("title"), rs.getBoolean("own"),
                rs.getBoolean("self"), rs.getLong("version"));
    }

    // ---------------------------------------------------------------- notifications (EXP-7)

    /**
     * EXP-7, ACC-10: the viewer's notifications whose record (and the record it belongs to) the
     * viewer sees right now, newest first; nothing at all while the user type does not grant
     * NOTIFICATIONS. The total counts exactly what the pages show.
     */
    public Page<PortalNotification> notifications(PortalUserId user, NotificationView view, Pageable pageable) {
        return page(user, pageable, v -> {
            if (!notificationsGranted(v)) {
                return Page.<PortalNotification>empty(capped(pageable));
            }
            return query(v, notificationPredicate(v), notificationColumns(v), notificationFilter(view), Map.of(),
                    "a.id desc, n.id desc", this::notification, pageable);
        });
    }

    /** One notification of the viewer, when they may still see it (ACC-10: else empty, as if it did not exist). */
    public Optional<PortalNotification> notification(PortalUserId user, long notificationId) {
        return one(user, v -> {
            if (!notificationsGranted(v)) {
                return Optional.empty();
            }
            Predicate predicate = notificationPredicate(v);
            return jdbc.sql("select " + notificationColumns(v) + " from " + predicate.from() + " where n.id = :id and "
                            + predicate.where())
                    .params(rules.parameters(v.viewer())).param("id", notificationId).query(this::notification)
                    .optional();
        });
    }

    /** The bell's count (EXP-7): one query; only what {@link #notifications} would list as unread (ACC-10). */
    public long unreadNotifications(PortalUserId user) {
        return one(user, v -> {
            if (!notificationsGranted(v)) {
                return Optional.of(0L);
            }
            Predicate predicate = notificationPredicate(v);
            return Optional.of(jdbc.sql("select count(*) from " + predicate.from() + " where " + predicate.where()
                            + notificationFilter(NotificationView.UNREAD))
                    .params(rules.parameters(v.viewer())).query(Long.class).single());
        }).orElse(0L);
    }

    private static boolean notificationsGranted(Visibility v) {
        return v.viewer().rights().of(PortalModule.NOTIFICATIONS).viewScope() != ViewScope.NONE;
    }

    private static String notificationFilter(NotificationView view) {
        return switch (view) {
            case ALL -> "";
            case UNREAD -> " and n.read_at is null";
            case UNDIGESTED -> " and n.read_at is null and n.digested_at is null";
        };
    }

    /** The viewer's own rows whose record and whose containing record are visible now, each by its kind's predicate. */
    private static Predicate notificationPredicate(Visibility v) {
        return new Predicate("portal_notification n join record_activity a on a.id = n.activity_id", "n.id", List.of(
                Clause.of("EXP-7", "n.portal_user_id = :viewer", "portal.explain.notification"),
                Clause.of("ACC-10", visibleRecord(v, "a.record_kind", "a.record_id"), "portal.explain.exists"),
                Clause.of("ACC-10", visibleRecord(v, "a.within_kind", "a.within_id"), "portal.explain.exists")));
    }

    private static String visibleRecord(Visibility v, String kindColumn, String idColumn) {
        StringBuilder sql = new StringBuilder("case " + kindColumn);
        for (RecordKind kind : RecordKind.values()) {
            sql.append(" when '").append(kind.name()).append("' then ").append(v.of(kind).exists(idColumn));
        }
        return sql.append(" else false end").toString();
    }

    /** The excerpt only where the field it quotes is shown (ACC-8); the title of what it belongs to, masked likewise. */
    private static String notificationColumns(Visibility v) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("id", "n.id");
        c.put("activity_id", "a.id");
        c.put("occurred_at", "a.occurred_at");
        c.put("kind", "a.kind");
        c.put("actor_name", "a.actor_name");
        c.put("by_portal_user", "(a.portal_user_id is not null)");
        c.put("record_kind", "a.record_kind");
        c.put("record_id", "a.record_id");
        c.put("within_kind", "a.within_kind");
        c.put("within_id", "a.within_id");
        c.put("read", "(n.read_at is not null)");
        c.put("summary", "case a.record_kind"
                + " when 'PROJECT_COMMENT' then " + v.field(COMMENT_BODY, "a.summary", "text")
                + " when 'TICKET_COMMENT' then " + v.field(COMMENT_BODY, "a.summary", "text")
                + " when 'FILE' then " + v.field(FILE_NAME, "a.summary", "text")
                + " when 'TASK_LIST' then a.summary"
                + " when 'TASK' then " + v.field(TASK_TITLE, "a.summary", "text")
                + " when 'MILESTONE' then " + v.field(MILESTONE_TITLE, "a.summary", "text")
                + " when 'UPDATE' then " + v.field(UPDATE_TITLE, "a.summary", "text")
                + " when 'DOCUMENT' then " + v.field(DOCUMENT_TITLE, "a.summary", "text")
                + " when 'EVENT' then " + v.field(EVENT_TITLE, "a.summary", "text")
                + " when 'TICKET' then case when a.kind = 'STATUS_CHANGED' then "
                + v.field(TICKET_STATUS, "a.summary", "text") + " else " + v.field(TICKET_SUBJECT, "a.summary", "text")
                + " end"
                + " when 'PROJECT' then case when a.kind = 'STATUS_CHANGED' then "
                + v.field(PROJECT_STATUS, "a.summary", "text") + " else " + v.field(PROJECT_NAME, "a.summary", "text")
                + " end"
                // A financial document's excerpt (status, amount) has no single field right: never shown.
                + " else cast(null as text) end");
        c.put("within_title", "case a.within_kind"
                + " when 'PROJECT' then (select " + v.field(PROJECT_NAME, "p.name", "text")
                + " from project p where p.id = a.within_id)"
                + " when 'TICKET' then (select '#' || k.number || coalesce(' ' || "
                + v.field(TICKET_SUBJECT, "k.subject", "text") + ", '') from ticket k where k.id = a.within_id)"
                + " when 'FINANCE_DOCUMENT' then (select "
                + byKind(v, "d.number", "text", QUOTE_NUMBER, INVOICE_NUMBER, ORDER_NUMBER, CONTRACT_NUMBER)
                + " from finance_document d where d.id = a.within_id)"
                + " else cast(null as text) end");
        return select(c);
    }

    private PortalNotification notification(ResultSet rs, int n) throws SQLException {
        return new PortalNotification(rs.getLong("id"), rs.getLong("activity_id"),
                rs.getObject("occurred_at", java.time.OffsetDateTime.class), ActivityKind.valueOf(rs.getString("kind")),
                rs.getString("actor_name"), rs.getBoolean("by_portal_user"),
                RecordRef.of(RecordKind.valueOf(rs.getString("record_kind")), rs.getObject("record_id", UUID.class)),
                RecordRef.of(RecordKind.valueOf(rs.getString("within_kind")), rs.getObject("within_id", UUID.class)),
                rs.getString("within_title"), rs.getString("summary"), rs.getBoolean("read"));
    }
    // ---------------------------------------------------------------- conversations (issue 7 items 2, 3: "interact")

    /**
     * EXP-2, EXP-3: the visible comments of a visible project (on the project itself, not its items)
     * or ticket, oldest first, with the portal author's name and whether the viewer wrote them
     * (ACC-11: never internal notes; same predicate as {@link #projectItems} and {@link #ticketComments}).
     */
    public Page<PortalComment> conversation(PortalUserId user, RecordRef container, Pageable pageable) {
        RecordKind kind = switch (container.kind()) {
            case PROJECT -> RecordKind.PROJECT_COMMENT;
            case TICKET -> RecordKind.TICKET_COMMENT;
            default -> throw new IllegalArgumentException(container.kind() + " has no conversation");
        };
        String filter = kind == RecordKind.TICKET_COMMENT ? " and t.ticket_id = :container"
                : " and t.project_id = :container";
        return page(user, pageable, v -> query(v, v.of(kind), commentColumns(v, kind), filter,
                params("container", container.id()), "t.created_at, t.id", this::comment, pageable));
    }

    /** One visible comment (project or ticket) with its author and version; empty when not visible (ACC-10). */
    public Optional<PortalComment> comment(PortalUserId user, RecordRef comment) {
        if (comment.kind() != RecordKind.PROJECT_COMMENT && comment.kind() != RecordKind.TICKET_COMMENT) {
            throw new IllegalArgumentException(comment.kind() + " is not a comment");
        }
        return one(user, v -> single(v, v.of(comment.kind()), commentColumns(v, comment.kind()), comment.id(),
                this::comment));
    }

    /** Staff authors stay "the team"; a portal author is named by their contact (ACC-11). */
    private static String commentColumns(Visibility v, RecordKind kind) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("kind", "'" + kind.name() + "'");
        c.put("id", "t.id");
        c.put("container_id", kind == RecordKind.TICKET_COMMENT ? "t.ticket_id" : "t.project_id");
        c.put("body", v.field(COMMENT_BODY, "t.body", "text"));
        c.put("from_portal", "(t.portal_author_id is not null)");
        c.put("author_name", "(select ac.first_name || ' ' || ac.last_name from portal_user au"
                + " join contact ac on ac.id = au.contact_id where au.id = t.portal_author_id)");
        c.put("own", "coalesce(t.portal_author_id = :viewer, false)");
        c.put("version", "t.version");
        c.put("created_at", "t.created_at");
        // Only their authors change portal users' comments; staff comments change only in sharing.
        c.put("edited", "(t.portal_author_id is not null and t.version > 0)");
        return select(c);
    }

    private PortalComment comment(ResultSet rs, int n) throws SQLException {
        return new PortalComment(RecordKind.valueOf(rs.getString("kind")), rs.getObject("id", UUID.class),
                rs.getObject("container_id", UUID.class), rs.getString("body"), rs.getBoolean("from_portal"),
                rs.getString("author_name"), rs.getBoolean("own"), rs.getLong("version"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), rs.getBoolean("edited"));
    }

    /** Which of the visible files attached to one record the viewer uploaded (their own, to offer "delete"). */
    public java.util.Set<UUID> ownFiles(PortalUserId user, RecordRef owner, Pageable pageable) {
        String ownerType = Visibility.FILE_OWNERS.entrySet().stream().filter(e -> e.getValue() == owner.kind())
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (ownerType == null) {
            return java.util.Set.of();
        }
        Map<String, Object> extra = params("ownerType", ownerType);
        extra.put("owner", owner.id());
        return java.util.Set.copyOf(page(user, pageable, v -> query(v, v.file(), "f.id",
                " and f.owner_type = :ownerType and f.owner_id = :owner and f.portal_author_id = :viewer", extra,
                "f.created_at desc, f.id desc", (rs, n) -> rs.getObject("id", UUID.class), pageable)).getContent());
    }
}
