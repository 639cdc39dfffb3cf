package dev.foyer.finance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admins' list of order status flags (issue 4 item 3, /settings/order-flags). */
@Service
public class OrderFlags {

    /** Order pages offer at most this many active flags (the list is short by nature). */
    public static final int MAX_CHOICES = 100;
    private static final Logger log = LoggerFactory.getLogger(OrderFlags.class);
    static final RowMapper<OrderFlag> ROWS = (rs, n) -> new OrderFlag(new OrderFlagId(rs.getObject("id", UUID.class)),
            rs.getString("name"), rs.getBoolean("customer_flag"), rs.getBoolean("active"), rs.getLong("version"),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderFlags(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<OrderFlag> list(StaffPrincipal actor, Pageable pageable) {
        FinanceAccess.requireManageSettings(actor);
        long total = jdbc.sql("select count(*) from finance_order_flag").query(Long.class).single();
        List<OrderFlag> rows = jdbc.sql("""
                        select * from finance_order_flag order by lower(name), id limit :limit offset :offset""")
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(ROWS).list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** The active flags staff can set on an order, by name. */
    @Transactional(readOnly = true)
    public List<OrderFlag> activeChoices(StaffPrincipal actor) {
        FinanceAccess.requireView(actor);
        return jdbc.sql("select * from finance_order_flag where active order by lower(name), id limit :limit")
                .param("limit", MAX_CHOICES).query(ROWS).list();
    }

    @Transactional(readOnly = true)
    public Optional<OrderFlag> find(StaffPrincipal actor, OrderFlagId id) {
        FinanceAccess.requireView(actor);
        return find(id);
    }

    Optional<OrderFlag> find(OrderFlagId id) {
        return jdbc.sql("select * from finance_order_flag where id = :id").param("id", id.value()).query(ROWS).optional();
    }

    @Transactional
    public OrderFlag create(StaffPrincipal actor, String name, boolean customerFlag) {
        FinanceAccess.requireManageSettings(actor);
        String clean = checkedName(name);
        Instant now = clock.instant();
        OrderFlagId id = OrderFlagId.newId();
        try {
            jdbc.sql("""
                            insert into finance_order_flag (id, name, customer_flag, active, version, created_at, created_by,
                                                            updated_at, updated_by)
                            values (:id, :name, :customer, true, 0, :now, :by, :now, :by)""")
                    .param("id", id.value()).param("name", clean).param("customer", customerFlag)
                    .param("now", Timestamp.from(now)).param("by", actor.id().value()).update();
        } catch (DuplicateKeyException e) {
            throw FinanceException.of("name", "orderFlags.error.nameTaken");
        }
        log.info("Staff user {} created order flag {} (customer flag: {})", actor.email(), id, customerFlag);
        return find(id).orElseThrow();
    }

    /** Renames a flag, marks it a customer flag or not, or (de)activates it. */
    @Transactional
    public OrderFlag update(StaffPrincipal actor, OrderFlagId id, long expectedVersion, String name,
                            boolean customerFlag, boolean active) {
        FinanceAccess.requireManageSettings(actor);
        find(id).orElseThrow(() -> FinanceException.of("", "record.error.notFound"));
        String clean = checkedName(name);
        int updated;
        try {
            updated = jdbc.sql("""
                            update finance_order_flag set name = :name, customer_flag = :customer, active = :active,
                                   version = version + 1, updated_at = :now, updated_by = :by
                            where id = :id and version = :version""")
                    .param("name", clean).param("customer", customerFlag).param("active", active)
                    .param("now", Timestamp.from(clock.instant())).param("by", actor.id().value())
                    .param("id", id.value()).param("version", expectedVersion).update();
        } catch (DuplicateKeyException e) {
            throw FinanceException.of("name", "orderFlags.error.nameTaken");
        }
        if (updated == 0) {
            throw new StaleVersionException("order flag " + id);
        }
        log.info("Staff user {} edited order flag {} (customer flag: {}, active: {})", actor.email(), id, customerFlag,
                active);
        return find(id).orElseThrow();
    }

    private static String checkedName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > OrderFlag.NAME_MAX) {
            throw FinanceException.of("name", "orderFlags.error.name");
        }
        return clean;
    }
}
