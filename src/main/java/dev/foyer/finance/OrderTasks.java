package dev.foyer.finance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.RecordHistory;
import dev.foyer.audit.RecordWriter;
import dev.foyer.identity.StaffChoices;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffUserId;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal tasks of an order (issue 4 item 3, seed 001): a title, done or not, an optional
 * assignee. Never shown to customers (ACC-6); each task keeps its own history.
 */
@Service
public class OrderTasks {

    public static final String RECORD_TYPE = "order_task";
    private static final Logger log = LoggerFactory.getLogger(OrderTasks.class);

    private final FinanceDocuments documents;
    private final StaffChoices staff;
    private final RecordHistory history;
    private final JdbcClient jdbc;
    private final Clock clock;

    OrderTasks(FinanceDocuments documents, StaffChoices staff, RecordHistory history, JdbcClient jdbc, Clock clock) {
        this.documents = documents;
        this.staff = staff;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An order's tasks: open ones first, then in the order they were added. */
    @Transactional(readOnly = true)
    public Page<OrderTask> page(StaffPrincipal actor, FinanceDocument order, Pageable pageable) {
        FinanceAccess.requireView(actor);
        long total = jdbc.sql("select count(*) from finance_order_task where document_id = :id")
                .param("id", order.id().value()).query(Long.class).single();
        List<OrderTask> rows = jdbc.sql("""
                        select t.*, su.display_name as assignee_name from finance_order_task t
                        left join staff_user su on su.id = t.assignee_id
                        where t.document_id = :id order by t.done, t.created_at, t.id limit :limit offset :offset""")
                .param("id", order.id().value()).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset()).query(rows()).list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Transactional
    public OrderTask add(StaffPrincipal actor, FinanceDocumentId orderId, String title, StaffUserId assignee) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument order = order(actor, orderId);
        String clean = checked(title, assignee);
        OrderTaskId id = OrderTaskId.newId();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into finance_order_task (id, document_id, title, done, assignee_id, version, created_at,
                                                        created_by, updated_at, updated_by)
                        values (:id, :order, :title, false, :assignee, 0, :now, :by, :now, :by)""")
                .param("id", id.value()).param("order", order.id().value()).param("title", clean)
                .param("assignee", assignee == null ? null : assignee.value()).param("now", Timestamp.from(now))
                .param("by", actor.id().value()).update();
        OrderTask task = find(order, id).orElseThrow();
        history.record(RECORD_TYPE, id.value(), 0, ChangeAction.CREATED, RecordWriter.of(actor).author(),
                RecordHistory.diff(Map.of(), snapshot(task)));
        log.info("Staff user {} added task {} to order {}", actor.email(), id, order.number());
        return task;
    }

    /** Marks the task done or open again. */
    @Transactional
    public OrderTask setDone(StaffPrincipal actor, FinanceDocumentId orderId, OrderTaskId taskId, long expectedVersion,
                             boolean done) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument order = order(actor, orderId);
        OrderTask before = find(order, taskId).orElseThrow(() -> FinanceException.of("", "record.error.notFound"));
        int updated = jdbc.sql("""
                        update finance_order_task set done = :done, version = version + 1, updated_at = :now,
                               updated_by = :by where id = :id and version = :version""")
                .param("done", done).param("now", Timestamp.from(clock.instant())).param("by", actor.id().value())
                .param("id", taskId.value()).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException("order task " + taskId);
        }
        OrderTask after = find(order, taskId).orElseThrow();
        history.record(RECORD_TYPE, taskId.value(), after.version(), ChangeAction.UPDATED,
                RecordWriter.of(actor).author(), RecordHistory.diff(snapshot(before), snapshot(after)));
        return after;
    }

    @Transactional
    public void delete(StaffPrincipal actor, FinanceDocumentId orderId, OrderTaskId taskId, long expectedVersion) {
        FinanceAccess.requireEdit(actor);
        FinanceDocument order = order(actor, orderId);
        find(order, taskId).orElseThrow(() -> FinanceException.of("", "record.error.notFound"));
        int deleted = jdbc.sql("delete from finance_order_task where id = :id and version = :version")
                .param("id", taskId.value()).param("version", expectedVersion).update();
        if (deleted == 0) {
            throw new StaleVersionException("order task " + taskId);
        }
        history.record(RECORD_TYPE, taskId.value(), expectedVersion, ChangeAction.DELETED,
                RecordWriter.of(actor).author(), List.of());
    }

    private FinanceDocument order(StaffPrincipal actor, FinanceDocumentId orderId) {
        FinanceDocument order = documents.find(actor, orderId)
                .orElseThrow(() -> FinanceException.of("", "record.error.notFound"));
        if (order.kind() != DocumentKind.ORDER) {
            throw FinanceException.of("", "finance.error.tasksKind");
        }
        return order;
    }

    private String checked(String title, StaffUserId assignee) {
        Problems problems = new Problems();
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > OrderTask.TITLE_MAX) {
            problems.add("title", "orderTask.error.title");
        }
        if (assignee != null && !staff.isActive(assignee)) {
            problems.add("assignee", "orderTask.error.assignee");
        }
        problems.throwIfAny();
        return clean;
    }

    private Optional<OrderTask> find(FinanceDocument order, OrderTaskId id) {
        return jdbc.sql("""
                        select t.*, su.display_name as assignee_name from finance_order_task t
                        left join staff_user su on su.id = t.assignee_id
                        where t.id = :id and t.document_id = :order""")
                .param("id", id.value()).param("order", order.id().value()).query(rows()).optional();
    }

    private static RowMapper<OrderTask> rows() {
        return (rs, n) -> new OrderTask(new OrderTaskId(rs.getObject("id", UUID.class)),
                new FinanceDocumentId(rs.getObject("document_id", UUID.class)), rs.getString("title"),
                rs.getBoolean("done"), rs.getObject("assignee_id", UUID.class) == null ? null
                : new StaffUserId(rs.getObject("assignee_id", UUID.class)), rs.getString("assignee_name"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Map<String, String> snapshot(OrderTask task) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", task.title());
        fields.put("done", task.done() ? "yes" : "no");
        fields.put("assignee", task.assigneeName());
        return fields;
    }
}
