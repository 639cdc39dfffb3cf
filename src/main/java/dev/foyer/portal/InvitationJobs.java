package dev.foyer.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.directory.CompanyId;
import dev.foyer.directory.ContactId;
import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk invitations (LIF-3) as durable jobs: starting one writes the job and one item per contact
 * in one transaction and returns at once; {@link InvitationJobWorker} works through the items.
 * Only the staff user who started a job, and admins, see it (others get "not found").
 */
@Service
public class InvitationJobs {

    /** One job takes at most this many contacts. */
    public static final int MAX_CONTACTS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(InvitationJobs.class);

    private final UserTypeRepository types;
    private final JdbcClient jdbc;
    private final Clock clock;

    InvitationJobs(UserTypeRepository types, JdbcClient jdbc, Clock clock) {
        this.types = types;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A job for these contacts (ids from a list's checkboxes; unknown ids are reported as deleted). */
    @Transactional
    public UUID start(StaffPrincipal actor, UserTypeId typeId, List<ContactId> contacts) {
        PortalAccess.requireGiveAccess(actor);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(contacts == null ? List.<String>of()
                : contacts.stream().map(ContactId::toString).toList()));
        if (ids.isEmpty() || ids.size() > MAX_CONTACTS) {
            throw PortalException.of("contact", "invitation.error.contacts");
        }
        UUID job = createJob(actor, typeId, ids.size());
        jdbc.sql("""
                        insert into invitation_job_item (job_id, position, contact_id, contact_name)
                        select :job, o.pos, o.id, c.first_name || ' ' || c.last_name
                        from unnest(cast(:ids as uuid[])) with ordinality as o(id, pos)
                             left join contact c on c.id = o.id""")
                .param("job", job).param("ids", ids.toArray(new String[0])).update();
        return job;
    }

    /** A job for every contact of the company that is not in the recycle bin. */
    @Transactional
    public UUID startForCompany(StaffPrincipal actor, UserTypeId typeId, CompanyId company) {
        PortalAccess.requireGiveAccess(actor);
        long count = jdbc.sql("select count(*) from contact where company_id = :company and deleted_at is null")
                .param("company", company.value()).query(Long.class).single();
        if (count == 0 || count > MAX_CONTACTS) {
            throw PortalException.of("contact", "invitation.error.contacts");
        }
        UUID job = createJob(actor, typeId, (int) count);
        jdbc.sql("""
                        insert into invitation_job_item (job_id, position, contact_id, contact_name)
                        select :job, row_number() over (order by lower(last_name), lower(first_name), id), id,
                               first_name || ' ' || last_name
                        from contact where company_id = :company and deleted_at is null
                        order by lower(last_name), lower(first_name), id limit :limit""")
                .param("job", job).param("company", company.value()).param("limit", count).update();
        return job;
    }

    private UUID createJob(StaffPrincipal actor, UserTypeId typeId, int total) {
        UserType type = typeId == null ? null : types.findById(typeId).orElse(null);
        if (type == null) {
            throw PortalException.of("userType", "portal.user.error.userType");
        }
        UUID job = Ids.newId();
        jdbc.sql("""
                        insert into invitation_job (id, portal_id, user_type_id, kind, created_by, created_at, total)
                        values (:id, :portal, :type, 'CUSTOMER', :actor, :now, :total)""")
                .param("id", job).param("portal", type.portalId().value()).param("type", type.id().value())
                .param("actor", actor.id().value()).param("now", Timestamp.from(clock.instant()))
                .param("total", total).update();
        log.info("Staff user {} started bulk invitation {} of {} contact(s) to portal {}", actor.email(), job, total,
                type.portalId());
        return job;
    }

    /** The job with its counts; empty when unknown or not this staff user's (admins see every job). */
    @Transactional(readOnly = true)
    public Optional<InvitationJob> find(StaffPrincipal actor, UUID id) {
        PortalAccess.requireGiveAccess(actor);
        return jdbc.sql("""
                        select j.id, j.portal_id, p.name as portal_name, t.name as type_name, j.total, j.created_by,
                               j.created_at, j.finished_at,
                               (select count(*) from invitation_job_item i where i.job_id = j.id and i.status = 'SENT') as sent,
                               (select count(*) from invitation_job_item i where i.job_id = j.id and i.status = 'FAILED') as failed
                        from invitation_job j join portal p on p.id = j.portal_id
                             join portal_user_type t on t.id = j.user_type_id
                        where j.id = :id""")
                .param("id", id)
                .query((rs, n) -> rs.getObject("created_by", UUID.class).equals(actor.id().value()) || actor.isAdmin()
                        ? Optional.of(new InvitationJob(rs.getObject("id", UUID.class), new PortalId(rs.getObject("portal_id", UUID.class)),
                                rs.getString("portal_name"), rs.getString("type_name"), rs.getInt("total"),
                                rs.getInt("sent"), rs.getInt("failed"), rs.getTimestamp("created_at").toInstant(),
                                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
                        : Optional.<InvitationJob>empty())
                .optional().flatMap(found -> found);
    }

    /** A page of the contacts that got no invitation, in the order they were chosen. */
    @Transactional(readOnly = true)
    public Page<InvitationJob.Failure> failures(StaffPrincipal actor, UUID job, Pageable pageable) {
        if (find(actor, job).isEmpty()) {
            return Page.empty(pageable);
        }
        long total = jdbc.sql("select count(*) from invitation_job_item where job_id = :job and status = 'FAILED'")
                .param("job", job).query(Long.class).single();
        List<InvitationJob.Failure> rows = jdbc.sql("""
                        select contact_id, contact_name, reason from invitation_job_item
                        where job_id = :job and status = 'FAILED' order by position limit :limit offset :offset""")
                .param("job", job).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new InvitationJob.Failure(rs.getObject("contact_id", UUID.class),
                        rs.getString("contact_name"), InvitationFailure.valueOf(rs.getString("reason"))))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }
}
