package dev.foyer.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.foyer.audit.ChangeAction;
import dev.foyer.audit.RecordHistory;
import dev.foyer.directory.ContactId;
import dev.foyer.portal.PortalAuthor;
import dev.foyer.portal.PortalText;
import dev.foyer.portal.PortalTicketStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a ticket for a portal user (EXP-3) after the portal module has checked right, scope and
 * field rights: the next number, status OPEN, the asking contact, {@code portal_author_id}, owned by
 * the staff user who invited the user (LIF-6), who also becomes its staff member so it reaches them.
 */
@Component
class TicketPortalOpener implements PortalTicketStore {

    private final JdbcClient jdbc;
    private final RecordHistory history;
    private final Clock clock;

    TicketPortalOpener(JdbcClient jdbc, RecordHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID open(PortalAuthor author, UUID company, ContactId contact, String subject, String descriptionHtml,
                     String priority) {
        UUID id = UUID.randomUUID();
        long number = jdbc.sql("select nextval('ticket_number_seq')").query(Long.class).single();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into ticket (id, number, company_id, subject, description, status, priority, version,
                                            created_at, created_by, updated_at, updated_by, portal_author_id, contact_id)
                        values (:id, :number, :company, :subject, :description, 'OPEN', :priority, 0,
                                :now, :owner, :now, :owner, :author, :contact)""")
                .param("id", id).param("number", number).param("company", company).param("subject", subject)
                .param("description", descriptionHtml).param("priority", priority).param("now", now)
                .param("owner", author.owner()).param("author", author.portalUser().value())
                .param("contact", contact.value()).update();
        if (author.owner() != null) {
            jdbc.sql("insert into ticket_staff_member (ticket_id, staff_user_id) values (:id, :owner)")
                    .param("id", id).param("owner", author.owner()).update();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("description", PortalText.plain(descriptionHtml));
        fields.put("status", "OPEN");
        fields.put("priority", priority);
        history.record(Tickets.RECORD_TYPE, id, 0, ChangeAction.CREATED, TicketPortalComments.via(author),
                RecordHistory.diff(Map.of(), fields));
        return id;
    }
}
