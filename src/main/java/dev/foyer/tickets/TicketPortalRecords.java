package dev.foyer.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.RecordHistory;
import dev.foyer.portal.PortalText;
import dev.foyer.portal.PortalTicketRecords;
import dev.foyer.portal.PortalWriter;
import dev.foyer.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * EXP-5: a portal user's edits and deletions of tickets, after the portal module has checked right,
 * visibility and own/shared (ACC-12). Edits are version-checked and recorded in the ticket's history
 * "via portal"; deletion is the staff side's ({@link Tickets#deleteForPortal}).
 */
@Component
class TicketPortalRecords implements PortalTicketRecords {

    private final JdbcClient jdbc;
    private final RecordHistory history;
    private final Tickets tickets;
    private final Clock clock;

    TicketPortalRecords(JdbcClient jdbc, RecordHistory history, Tickets tickets, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<TicketRecord> find(UUID ticketId) {
        return jdbc.sql("""
                        select id, company_id, subject, description, status, priority, portal_author_id, version
                        from ticket where id = :id""")
                .param("id", ticketId)
                .query((rs, n) -> new TicketRecord(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                        rs.getString("subject"), rs.getString("description"), rs.getString("status"),
                        rs.getString("priority"), rs.getObject("portal_author_id", UUID.class), rs.getLong("version")))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public TicketRecord update(PortalWriter writer, UUID ticketId, long expectedVersion, String subject,
                               String descriptionHtml, String priority) {
        TicketRecord before = find(ticketId).orElseThrow(() -> new StaleVersionException("ticket " + ticketId));
        int updated = jdbc.sql("""
                        update ticket set subject = :subject, description = :description, priority = :priority,
                                          version = version + 1, updated_at = :now, updated_by = :owner
                        where id = :id and version = :version""")
                .param("subject", subject).param("description", descriptionHtml).param("priority", priority)
                .param("now", Timestamp.from(clock.instant())).param("owner", writer.owner())
                .param("id", ticketId).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException("ticket " + ticketId);
        }
        TicketRecord after = find(ticketId).orElseThrow();
        history.record(Tickets.RECORD_TYPE, ticketId, after.version(), ChangeAction.UPDATED,
                writer.recordWriter().author(), RecordHistory.diff(fields(before), fields(after)));
        return after;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(PortalWriter writer, UUID ticketId, long expectedVersion) {
        tickets.deleteForPortal(writer.recordWriter(), new TicketId(ticketId), expectedVersion);
    }

    private static Map<String, String> fields(TicketRecord ticket) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", ticket.subject());
        fields.put("description", PortalText.plain(ticket.description()));
        fields.put("priority", ticket.priority());
        return fields;
    }
}
