package dev.foyer.finance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Document numbers (issue 4 item 1): per kind a counter row, taken with {@code update ... returning}
 * inside the creating transaction. Concurrent creators queue on the row lock, so no two documents
 * share a number and a rolled-back creation gives its number back; a unique index on
 * (kind, number) stands behind it. Admins set each kind's prefix and may move the next number
 * forward, never back (/settings/finance).
 */
@Service
public class DocumentNumbers {

    /** A kind's numbering as the settings page shows it. */
    public record Numbering(DocumentKind kind, String prefix, long nextValue, long version) {

        public String example() {
            return format(prefix, nextValue);
        }
    }

    record Issued(long sequence, String number) {
    }

    public static final int PREFIX_MAX = 20;
    private static final Logger log = LoggerFactory.getLogger(DocumentNumbers.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentNumbers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The next number of this kind; must run inside the transaction that stores the document. */
    @Transactional(propagation = Propagation.MANDATORY)
    Issued next(DocumentKind kind) {
        return jdbc.sql("""
                        update finance_number_counter set next_value = next_value + 1 where kind = :kind
                        returning next_value - 1 as sequence, prefix""")
                .param("kind", kind.name())
                .query((rs, n) -> new Issued(rs.getLong("sequence"), format(rs.getString("prefix"), rs.getLong("sequence"))))
                .single();
    }

    /** The number as issued: the prefix, then the sequence with at least four digits (INV-0042). */
    static String format(String prefix, long sequence) {
        return prefix + String.format("%04d", sequence);
    }

    @Transactional(readOnly = true)
    public List<Numbering> all(StaffPrincipal actor) {
        FinanceAccess.requireManageSettings(actor);
        return jdbc.sql("select kind, prefix, next_value, version from finance_number_counter order by kind limit 10")
                .query((rs, n) -> new Numbering(DocumentKind.valueOf(rs.getString("kind")), rs.getString("prefix"),
                        rs.getLong("next_value"), rs.getLong("version")))
                .list().stream().sorted(java.util.Comparator.comparing(Numbering::kind)).toList();
    }

    /**
     * Sets a kind's prefix (0 to 20 letters, digits, spaces and . - _ /) and its next number, which
     * may only move forward so that no number is issued twice.
     */
    @Transactional
    public Numbering update(StaffPrincipal actor, DocumentKind kind, long expectedVersion, String prefix,
                            Long nextValue) {
        FinanceAccess.requireManageSettings(actor);
        Numbering current = jdbc.sql("""
                        select kind, prefix, next_value, version from finance_number_counter where kind = :kind for update""")
                .param("kind", kind.name())
                .query((rs, n) -> new Numbering(kind, rs.getString("prefix"), rs.getLong("next_value"),
                        rs.getLong("version")))
                .single();
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("numbering " + kind);
        }
        Problems problems = new Problems();
        String cleanPrefix = prefix == null ? "" : prefix.strip();
        if (cleanPrefix.length() > PREFIX_MAX || !cleanPrefix.matches("[\\p{L}\\p{N} ._/-]*")) {
            problems.add("prefix", "finance.error.prefix");
        }
        long next = nextValue == null ? current.nextValue() : nextValue;
        if (next < current.nextValue() || next > 999_999_999_999L) {
            problems.add("nextValue", "finance.error.nextValue");
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("""
                        update finance_number_counter set prefix = :prefix, next_value = :next, version = version + 1,
                               updated_at = :now, updated_by = :by where kind = :kind""")
                .param("prefix", cleanPrefix).param("next", next).param("now", Timestamp.from(now))
                .param("by", actor.id().value()).param("kind", kind.name()).update();
        log.info("Staff user {} set the {} numbers to prefix '{}' from {}", actor.email(), kind, cleanPrefix, next);
        return new Numbering(kind, cleanPrefix, next, current.version() + 1);
    }
}
