package dev.foyer.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.portal.PortalTicketRecords.TicketRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.foyer.portal.PortalField.TICKET_DESCRIPTION;
import static dev.foyer.portal.PortalField.TICKET_PRIORITY;
import static dev.foyer.portal.PortalField.TICKET_STATUS;
import static dev.foyer.portal.PortalField.TICKET_SUBJECT;

/**
 * EXP-5 for tickets: portal users edit the tickets they opened (EDIT_OWN: {@code portal_author_id})
 * or staff's tickets they are a member of (EDIT_SHARED, ACC-3), clone a visible ticket (CLONE with
 * CREATE) and delete their own (DELETE_OWN). Every write starts with explicit checks — active user,
 * ticket visible through {@link PortalReads}, action granted, own or member as the action says —
 * and only then mutates, through {@link PortalTicketRecords} / {@link PortalTicketStore} in the same
 * transaction (ACC-12). Refusals are {@link PortalRecordNotFound} (ACC-10). Field rights (PRT-4)
 * through {@link FieldMask#merge}: hidden and read-only posted values are ignored. Each write
 * records a {@link RecordActivity} (EXP-7, EXP-9).
 */
@Service
public class PortalTicketWrites {

    private final PortalViewers viewers;
    private final PortalReads reads;
    private final PortalTicketRecords tickets;
    private final PortalTicketStore store;
    private final PortalRecordWrites records;
    private final RecordActivities activities;
    private final JdbcClient jdbc;
    private final Clock clock;

    PortalTicketWrites(PortalViewers viewers, PortalReads reads, PortalTicketRecords tickets, PortalTicketStore store,
                       PortalRecordWrites records, RecordActivities activities, JdbcClient jdbc, Clock clock) {
        this.viewers = viewers;
        this.reads = reads;
        this.tickets = tickets;
        this.store = store;
        this.records = records;
        this.activities = activities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A visible ticket for its edit form: field rights applied (hidden fields absent), its version and what the user may do. */
    @Transactional(readOnly = true)
    public Optional<TicketForm> ticket(PortalUserId user, UUID ticketId) {
        Optional<PortalViewer> viewer = viewers.load(user).filter(PortalViewer::active);
        if (viewer.isEmpty() || ticketId == null || reads.ticket(user, ticketId).isEmpty()) {
            return Optional.empty();
        }
        return tickets.find(ticketId).map(t -> {
            FieldMask mask = FieldMask.of(viewer.get().rights(), PortalModule.TICKETS);
            boolean own = own(user, t);
            Map<PortalField, String> shown = new EnumMap<>(PortalField.class);
            values(t).forEach((field, value) -> {
                if (mask.shown(field) && value != null) {
                    shown.put(field, value);
                }
            });
            return new TicketForm(t.id(), t.subject(), shown, t.version(), own,
                    canEdit(viewer.get(), user, t), own && allowed(viewer.get(), PortalAction.DELETE_OWN),
                    allowed(viewer.get(), PortalAction.CLONE) && allowed(viewer.get(), PortalAction.CREATE));
        });
    }

    /** Edits a visible ticket: EDIT_OWN for one the user opened, EDIT_SHARED for staff's they are a member of. */
    @Transactional
    public void editTicket(PortalUserId user, UUID ticketId, long expectedVersion, Map<PortalField, String> posted) {
        PortalViewer viewer = requireViewer(user);
        TicketRecord ticket = requireVisible(user, ticketId);
        if (!canEdit(viewer, user, ticket)) {
            throw new PortalRecordNotFound("no right to edit this ticket");
        }
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.TICKETS);
        Map<PortalField, String> values = mask.merge(posted, values(ticket), false);
        PortalRecordWrites.requireMandatory(mask, values, false);
        String subject = checkedSubject(values.get(TICKET_SUBJECT));
        String description = description(values.get(TICKET_DESCRIPTION), ticket.description());
        String priority = priority(values.get(TICKET_PRIORITY), ticket.priority());
        PortalWriter writer = records.writer(viewer);
        TicketRecord saved = tickets.update(writer, ticketId, expectedVersion, subject, description, priority);
        activity(writer, ActivityKind.EDITED, saved.id(), saved.subject());
    }

    /** Deletes a visible ticket the user opened, if their type grants DELETE_OWN; a stale version is refused. */
    @Transactional
    public void deleteTicket(PortalUserId user, UUID ticketId, long expectedVersion) {
        PortalViewer viewer = requireViewer(user);
        TicketRecord ticket = requireVisible(user, ticketId);
        if (!own(user, ticket) || !allowed(viewer, PortalAction.DELETE_OWN)) {
            throw new PortalRecordNotFound("no right to delete this ticket");
        }
        PortalWriter writer = records.writer(viewer);
        tickets.delete(writer, ticketId, expectedVersion);
        activity(writer, ActivityKind.DELETED, ticketId, ticket.subject());
    }

    /**
     * Opens a copy of a visible ticket for the same company: fields the user may write from the form,
     * the other fields they see from the original, hidden ones not copied. Like a ticket they open,
     * the user is its member (ACC-3) and the staff user who invited them its owner (LIF-6).
     */
    @Transactional
    public UUID cloneTicket(PortalUserId user, UUID ticketId, Map<PortalField, String> posted) {
        PortalViewer viewer = requireViewer(user);
        if (!allowed(viewer, PortalAction.CLONE) || !allowed(viewer, PortalAction.CREATE)) {
            throw new PortalRecordNotFound("no right to clone tickets");
        }
        TicketRecord source = requireVisible(user, ticketId);
        if (!viewer.scope().contains(source.companyId())) {
            throw new PortalRecordNotFound("company not in scope");
        }
        FieldMask mask = FieldMask.of(viewer.rights(), PortalModule.TICKETS);
        Map<PortalField, String> values = mask.merge(posted, values(source), true);
        PortalRecordWrites.requireMandatory(mask, values, true);
        String subject = checkedSubject(values.get(TICKET_SUBJECT));
        String description = description(values.get(TICKET_DESCRIPTION), source.description());
        String priority = priority(values.get(TICKET_PRIORITY), PortalTicketForm.DEFAULT_PRIORITY);
        PortalWriter writer = records.writer(viewer);
        UUID id = store.open(new PortalAuthor(writer.portalUser(), writer.owner(), writer.name()), source.companyId(),
                viewer.contactId(), subject, description, priority);
        jdbc.sql("""
                        insert into ticket_portal_member (ticket_id, portal_user_id, created_at, created_by)
                        values (:ticket, :user, :now, :owner)""")
                .param("ticket", id).param("user", user.value()).param("now", Timestamp.from(clock.instant()))
                .param("owner", writer.owner()).update();
        activity(writer, ActivityKind.CLONED, id, subject);
        return id;
    }

    // ---------------------------------------------------------------- the checks (ACC-12: before any write)

    private PortalViewer requireViewer(PortalUserId user) {
        return viewers.load(user).filter(PortalViewer::active)
                .orElseThrow(() -> new PortalRecordNotFound("not an active portal user"));
    }

    private TicketRecord requireVisible(PortalUserId user, UUID ticketId) {
        if (ticketId == null || reads.ticket(user, ticketId).isEmpty()) {
            throw new PortalRecordNotFound("ticket not visible");
        }
        return tickets.find(ticketId).orElseThrow(() -> new PortalRecordNotFound("ticket gone"));
    }

    /** EDIT_OWN for the user's own ticket; EDIT_SHARED for staff's (or a colleague's) they are a member of. */
    private boolean canEdit(PortalViewer viewer, PortalUserId user, TicketRecord ticket) {
        if (own(user, ticket)) {
            return allowed(viewer, PortalAction.EDIT_OWN);
        }
        return allowed(viewer, PortalAction.EDIT_SHARED) && jdbc.sql("""
                        select exists (select 1 from ticket_portal_member
                                       where ticket_id = :ticket and portal_user_id = :user)""")
                .param("ticket", ticket.id()).param("user", user.value()).query(Boolean.class).single();
    }

    private static boolean own(PortalUserId user, TicketRecord ticket) {
        return user.value().equals(ticket.portalAuthorId());
    }

    private static boolean allowed(PortalViewer viewer, PortalAction action) {
        return PortalRecordWrites.allowed(viewer, PortalModule.TICKETS, action);
    }

    private static String checkedSubject(String posted) {
        String subject = posted == null ? "" : posted.strip();
        if (subject.isEmpty()) {
            throw new PortalException(Map.of(FieldMask.param(TICKET_SUBJECT), "portal.records.error.required"));
        }
        if (subject.length() > PortalInteractions.MAX_SUBJECT) {
            throw new PortalException(Map.of(FieldMask.param(TICKET_SUBJECT), "site.ticket.new.error.subjectTooLong"));
        }
        return subject;
    }

    /** The description to store: the stored HTML when the plain text shown came back unchanged, else the new text. */
    private static String description(String posted, String currentHtml) {
        if (posted == null || posted.isBlank()) {
            return "";
        }
        if (currentHtml != null && posted.strip().equals(PortalText.plain(currentHtml).strip())) {
            return currentHtml;
        }
        if (posted.strip().length() > PortalInteractions.MAX_TEXT) {
            throw new PortalException(Map.of(FieldMask.param(TICKET_DESCRIPTION), "site.interact.error.tooLong"));
        }
        return PortalText.toHtml(posted);
    }

    private static String priority(String posted, String fallback) {
        if (posted == null || posted.isBlank()) {
            return fallback;
        }
        if (!PortalInteractions.PRIORITIES.contains(posted)) {
            throw new PortalException(Map.of(FieldMask.param(TICKET_PRIORITY), "site.ticket.new.error.priority"));
        }
        return posted;
    }

    private static Map<PortalField, String> values(TicketRecord ticket) {
        Map<PortalField, String> values = new EnumMap<>(PortalField.class);
        values.put(TICKET_SUBJECT, ticket.subject());
        values.put(TICKET_DESCRIPTION, ticket.description() == null ? null : PortalText.plain(ticket.description()));
        values.put(TICKET_PRIORITY, ticket.priority());
        values.put(TICKET_STATUS, ticket.status());
        return values;
    }

    private void activity(PortalWriter writer, ActivityKind kind, UUID ticketId, String subject) {
        RecordRef ticket = RecordRef.of(RecordKind.TICKET, ticketId);
        activities.record(new RecordActivity(ActivityActor.portalUser(writer.portalUser(), writer.name()), kind,
                ticket, ticket, subject));
    }

    /** A ticket as its edit form shows it; {@code values} holds only fields the user sees (description as plain text). */
    public record TicketForm(UUID id, String subject, Map<PortalField, String> values, long version, boolean own,
                             boolean canEdit, boolean canDelete, boolean canClone) {
    }
}
