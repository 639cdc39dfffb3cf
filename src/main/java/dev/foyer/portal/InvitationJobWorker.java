package dev.foyer.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.directory.ContactId;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.identity.StaffRole;
import dev.foyer.identity.StaffUserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through bulk invitation items (LIF-3, ADR 009). Each item is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and handled in one transaction that creates the portal user,
 * sends the invitation through {@link Invitations} (its e-mail enters the outbox in that same
 * transaction) and marks the item done — so a crash anywhere before the commit leaves the item
 * waiting with nothing sent, and after the commit it is never picked again. Any number of workers
 * on any number of nodes can run at once.
 */
@Component
public class InvitationJobWorker {

    private static final Logger log = LoggerFactory.getLogger(InvitationJobWorker.class);

    private final PortalUsers portalUsers;
    private final Invitations invitations;
    private final InvitationRules rules;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Tests simulate a crash between sending and marking the item done. */
    Runnable afterSend = () -> { };

    InvitationJobWorker(PortalUsers portalUsers, Invitations invitations, InvitationRules rules, JdbcClient jdbc,
                        PlatformTransactionManager transactionManager, Clock clock) {
        this.portalUsers = portalUsers;
        this.invitations = invitations;
        this.rules = rules;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Handles up to {@code max} waiting items, each in its own transaction; answers how many. */
    public int run(int max) {
        int handled = 0;
        while (handled < max) {
            Item[] claimed = new Item[1];
            Boolean found;
            try {
                found = transactions.execute(status -> {
                    Optional<Item> item = claim();
                    if (item.isEmpty()) {
                        return false;
                    }
                    claimed[0] = item.get();
                    handle(item.get());
                    return true;
                });
            } catch (PortalException e) {
                // A rule the checks did not foresee (e.g. a seat taken a moment ago): report, do not retry forever.
                if (claimed[0] == null) {
                    throw e;
                }
                transactions.executeWithoutResult(status -> fail(claimed[0], reasonOf(e)));
                found = true;
            }
            if (!Boolean.TRUE.equals(found)) {
                break;
            }
            handled++;
        }
        return handled;
    }

    record Item(UUID jobId, int position, UUID contactId, UUID portalId, UUID typeId, UUID createdBy) {
    }

    private Optional<Item> claim() {
        return jdbc.sql("""
                        select i.job_id, i.position, i.contact_id, j.portal_id, j.user_type_id, j.created_by
                        from invitation_job_item i join invitation_job j on j.id = i.job_id
                        where i.status = 'WAITING'
                        order by j.created_at, i.job_id, i.position
                        limit 1 for update of i skip locked""")
                .query((rs, n) -> new Item(rs.getObject("job_id", UUID.class), rs.getInt("position"),
                        rs.getObject("contact_id", UUID.class), rs.getObject("portal_id", UUID.class),
                        rs.getObject("user_type_id", UUID.class), rs.getObject("created_by", UUID.class)))
                .optional();
    }

    private void handle(Item item) {
        Optional<StaffPrincipal> sender = sender(item.createdBy());
        Optional<InvitationFailure> failure = check(item, sender);
        if (failure.isPresent()) {
            fail(item, failure.get());
            return;
        }
        PortalUser user = portalUsers.create(sender.get(), new ContactId(item.contactId()), new PortalId(item.portalId()),
                new UserTypeId(item.typeId()), PortalUserKind.CUSTOMER, PortalUserStatus.AWAITING);
        invitations.send(sender.get(), user.id());
        afterSend.run();
        jdbc.sql("""
                        update invitation_job_item set status = 'SENT', portal_user_id = :user, processed_at = :now
                        where job_id = :job and position = :position""")
                .param("user", user.id().value()).param("now", Timestamp.from(clock.instant()))
                .param("job", item.jobId()).param("position", item.position()).update();
        finishIfDone(item.jobId());
    }

    /** The reasons of LIF-3 in their order; empty when the contact may be invited. */
    private Optional<InvitationFailure> check(Item item, Optional<StaffPrincipal> sender) {
        if (sender.isEmpty() || !PortalAccess.canGiveAccess(sender.get())) {
            return Optional.of(InvitationFailure.NO_PERMISSION);
        }
        record ContactRow(String email, boolean consent, boolean locked, boolean deleted) {
        }
        Optional<ContactRow> contact = jdbc.sql("""
                        select email, consent, locked, deleted_at is not null as deleted from contact where id = :id""")
                .param("id", item.contactId())
                .query((rs, n) -> new ContactRow(rs.getString("email"), rs.getBoolean("consent"),
                        rs.getBoolean("locked"), rs.getBoolean("deleted")))
                .optional();
        if (contact.isEmpty() || contact.get().deleted()) {
            return Optional.of(InvitationFailure.CONTACT_DELETED);
        }
        if (contact.get().locked()) {
            return Optional.of(InvitationFailure.LOCKED);
        }
        Optional<InvitationFailure> address = rules.checkAddress(contact.get().email());
        if (address.isPresent()) {
            return address;
        }
        if (rules.policy().requireConsent() && !contact.get().consent()) {
            return Optional.of(InvitationFailure.NO_CONSENT);
        }
        // Locks the portal: the seat count below stays true until this transaction commits.
        Integer limit = jdbc.sql("select seat_limit from portal where id = :id for update")
                .param("id", item.portalId()).query((rs, n) -> (Integer) rs.getObject(1)).optional().orElse(null);
        if (jdbc.sql("select count(*) from portal_user where contact_id = :contact and portal_id = :portal")
                .param("contact", item.contactId()).param("portal", item.portalId()).query(Long.class).single() > 0) {
            return Optional.of(InvitationFailure.ALREADY_PORTAL_USER);
        }
        if (limit != null && portalUsers.seatsInUse(new PortalId(item.portalId())) >= limit) {
            return Optional.of(InvitationFailure.SEAT_LIMIT);
        }
        return Optional.empty();
    }

    /** The job's creator as they are now: a deactivated or demoted sender lacks permission. */
    private Optional<StaffPrincipal> sender(UUID staffId) {
        return jdbc.sql("select id, email, display_name, role from staff_user where id = :id and active")
                .param("id", staffId)
                .query((rs, n) -> new StaffPrincipal(new StaffUserId(rs.getObject("id", UUID.class)),
                        rs.getString("email"), rs.getString("display_name"), StaffRole.valueOf(rs.getString("role")),
                        null))
                .optional();
    }

    private void fail(Item item, InvitationFailure reason) {
        jdbc.sql("""
                        update invitation_job_item set status = 'FAILED', reason = :reason, processed_at = :now
                        where job_id = :job and position = :position and status = 'WAITING'""")
                .param("reason", reason.name()).param("now", Timestamp.from(clock.instant()))
                .param("job", item.jobId()).param("position", item.position()).update();
        finishIfDone(item.jobId());
    }

    private void finishIfDone(UUID job) {
        int finished = jdbc.sql("""
                        update invitation_job set finished_at = :now, version = version + 1
                        where id = :job and finished_at is null
                          and not exists (select 1 from invitation_job_item i where i.job_id = :job and i.status = 'WAITING')""")
                .param("now", Timestamp.from(clock.instant())).param("job", job).update();
        if (finished > 0) {
            log.info("Bulk invitation {} finished", job);
        }
    }

    private static InvitationFailure reasonOf(PortalException e) {
        String key = e.messageKey();
        if (key.endsWith("seatLimit")) {
            return InvitationFailure.SEAT_LIMIT;
        }
        if (key.endsWith("exists")) {
            return InvitationFailure.ALREADY_PORTAL_USER;
        }
        if (key.endsWith("contact")) {
            return InvitationFailure.CONTACT_DELETED;
        }
        return InvitationFailure.NO_PERMISSION;
    }
}
