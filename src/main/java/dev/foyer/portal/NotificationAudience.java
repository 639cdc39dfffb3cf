package dev.foyer.portal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EXP-7: who is notified of an activity. Candidates come from one query — the portal members of the
 * project or ticket it belongs to (ACC-3), or for a financial document the portal users whose scope
 * takes in its company (ACC-1) — narrowed to ACTIVE users whose user type grants NOTIFICATIONS, never
 * the actor. Each candidate is then asked of {@link PortalReads#canSee}, so the audience can never
 * differ from what the users would be shown (ARCHITECTURE.md "the one rule about access").
 */
@Service
public class NotificationAudience {

    /** A record's audience is bounded; a project with more portal members than this notifies the first ones. */
    public static final int MAX_AUDIENCE = 500;

    private static final String NOTIFIED = """
            u.status = 'ACTIVE'
            and (cast(:actor as uuid) is null or u.id <> cast(:actor as uuid))
            and exists (select 1 from portal_module_right r where r.user_type_id = u.user_type_id
                        and r.module = 'NOTIFICATIONS' and r.view_scope <> 'NONE')""";

    private final JdbcClient jdbc;
    private final PortalReads reads;

    NotificationAudience(JdbcClient jdbc, PortalReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** The portal users, other than {@code actor}, who see {@code record} now and want notifications. */
    @Transactional(readOnly = true)
    public List<PortalUserId> of(RecordRef record, RecordRef within, PortalUserId actor) {
        String candidates = candidates(within == null ? record : within);
        if (candidates == null) {
            return List.of();
        }
        List<PortalUserId> users = jdbc.sql("select u.id from portal_user u join contact c on c.id = u.contact_id"
                        + " join company cc on cc.id = c.company_id where " + candidates + " and " + NOTIFIED
                        + " order by u.id limit :limit")
                .params(Map.of("within", (within == null ? record : within).id(), "limit", MAX_AUDIENCE))
                .param("actor", actor == null ? null : actor.value())
                .query((rs, n) -> new PortalUserId(rs.getObject("id", UUID.class))).list();
        return users.stream()
                .filter(user -> reads.canSee(user, record) && (within == null || reads.canSee(user, within)))
                .toList();
    }

    private static String candidates(RecordRef within) {
        RecordKind kind = within.kind();
        if (kind.isProjectItem()) {
            return "exists (select 1 from " + kind.table() + " x join project_portal_member m on m.project_id = x.project_id"
                    + " where x.id = :within and m.portal_user_id = u.id)";
        }
        return switch (kind) {
            case PROJECT -> "exists (select 1 from project_portal_member m where m.portal_user_id = u.id"
                    + " and m.project_id = :within)";
            case TICKET -> "exists (select 1 from ticket_portal_member m where m.portal_user_id = u.id"
                    + " and m.ticket_id = :within)";
            case TICKET_COMMENT -> "exists (select 1 from ticket_comment x join ticket_portal_member m"
                    + " on m.ticket_id = x.ticket_id where x.id = :within and m.portal_user_id = u.id)";
            // ACC-1 as a candidate filter: the document's company, or for consolidated users its account.
            case FINANCE_DOCUMENT -> "exists (select 1 from finance_document d join company dc on dc.id = d.company_id"
                    + " where d.id = :within and (c.company_id = d.company_id or (u.kind = 'CONSOLIDATED'"
                    + " and dc.consolidated_account_id is not null"
                    + " and cc.consolidated_account_id = dc.consolidated_account_id)))";
            default -> null;
        };
    }
}
