package dev.foyer.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EXP-9: what portal users did, for staff — the organization's feed ({@code /portal-activity},
 * filterable by portal and company) and each project's, ticket's and financial document's own.
 * Built on {@link RecordActivities}' log, newest first, paged by keyset (id below the last one
 * shown) over the partial indexes of V47; the names of the records (project, ticket, document),
 * the actor's company and portal are joined in the same query, so a page costs one query.
 *
 * <p>Who may read it: every staff user. In this app every staff role sees every project, ticket
 * and financial document (ProjectAccess, TicketAccess and FinanceAccess grant view to all staff),
 * so the feed shows staff nothing their staff pages would not.
 */
@Service
public class PortalActivityFeed {

    public static final int PAGE_SIZE = 25;
    public static final int MAX_COMPANY_CHOICES = 200;

    private static final String SELECT = """
            select a.id, a.occurred_at, a.portal_user_id, a.actor_name, a.kind, a.record_kind, a.record_id,
                   a.within_kind, a.within_id, a.summary, po.name as portal_name, co.name as company_name,
                   case a.within_kind when 'PROJECT' then pr.name
                                      when 'TICKET' then '#' || t.number || ' ' || t.subject
                                      when 'FINANCE_DOCUMENT' then fd.number end as within_name
            from record_activity a
                 left join portal_user u on u.id = a.portal_user_id
                 left join portal po on po.id = u.portal_id
                 left join contact c on c.id = u.contact_id
                 left join company co on co.id = c.company_id
                 left join project pr on a.within_kind = 'PROJECT' and pr.id = a.within_id
                 left join ticket t on a.within_kind = 'TICKET' and t.id = a.within_id
                 left join finance_document fd on a.within_kind = 'FINANCE_DOCUMENT' and fd.id = a.within_id
            where a.portal_user_id is not null""";

    private final JdbcClient jdbc;

    PortalActivityFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of entries and the keyset for the next ({@code null}: this is the last page). */
    public record FeedPage(List<PortalActivityEntry> entries, Long next) {
    }

    /** The filter of the organization's feed; nulls mean "all". */
    public record Filter(PortalId portal, UUID company) {
        public static Filter none() {
            return new Filter(null, null);
        }
    }

    /** A company to filter by: id and name. */
    public record CompanyChoice(UUID id, String name) {
    }

    /** The organization's feed of portal users' actions, newest first, from below {@code before} (null: the newest). */
    @Transactional(readOnly = true)
    public FeedPage organization(StaffPrincipal actor, Filter filter, Long before) {
        requireStaff(actor);
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        if (filter.portal() != null) {
            sql.append(" and u.portal_id = :portal");
            params.put("portal", filter.portal().value());
        }
        if (filter.company() != null) {
            sql.append(" and c.company_id = :company");
            params.put("company", filter.company());
        }
        return page(sql, params, before);
    }

    /** The portal users' actions on one project, ticket or financial document (and what is inside it). */
    @Transactional(readOnly = true)
    public FeedPage record(StaffPrincipal actor, RecordRef within, Long before) {
        requireStaff(actor);
        StringBuilder sql = new StringBuilder(SELECT).append(" and a.within_kind = :withinKind and a.within_id = :withinId");
        Map<String, Object> params = new HashMap<>();
        params.put("withinKind", within.kind().name());
        params.put("withinId", within.id());
        return page(sql, params, before);
    }

    /** Companies whose contacts have portal users, for the feed's filter (bounded). */
    @Transactional(readOnly = true)
    public List<CompanyChoice> companyChoices(StaffPrincipal actor) {
        requireStaff(actor);
        return jdbc.sql("""
                        select co.id, co.name from company co
                        where co.deleted_at is null
                          and exists (select 1 from contact c join portal_user u on u.contact_id = c.id where c.company_id = co.id)
                        order by lower(co.name), co.id limit :limit""")
                .param("limit", MAX_COMPANY_CHOICES)
                .query((rs, n) -> new CompanyChoice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    /** Portals to filter by (any staff user may filter; the portal settings stay admins' only). */
    @Transactional(readOnly = true)
    public List<CompanyChoice> portalChoices(StaffPrincipal actor) {
        requireStaff(actor);
        return jdbc.sql("select id, name from portal order by is_primary desc, lower(name), id limit :limit")
                .param("limit", MAX_COMPANY_CHOICES)
                .query((rs, n) -> new CompanyChoice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    private FeedPage page(StringBuilder sql, Map<String, Object> params, Long before) {
        if (before != null) {
            sql.append(" and a.id < :before");
            params.put("before", before);
        }
        params.put("limit", PAGE_SIZE + 1);
        List<PortalActivityEntry> rows = new ArrayList<>(jdbc.sql(sql.append(" order by a.id desc limit :limit")
                .toString()).params(params).query(this::entry).list());
        Long next = null;
        if (rows.size() > PAGE_SIZE) {
            rows.remove(PAGE_SIZE);
            next = rows.get(PAGE_SIZE - 1).id();
        }
        return new FeedPage(List.copyOf(rows), next);
    }

    private static void requireStaff(StaffPrincipal actor) {
        if (actor == null) {
            throw new AccessDeniedException("Staff only");
        }
    }

    private PortalActivityEntry entry(ResultSet rs, int n) throws SQLException {
        return new PortalActivityEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                new PortalUserId(rs.getObject("portal_user_id", UUID.class)), rs.getString("actor_name"),
                rs.getString("company_name"), rs.getString("portal_name"), ActivityKind.valueOf(rs.getString("kind")),
                RecordKind.valueOf(rs.getString("record_kind")), rs.getObject("record_id", UUID.class),
                RecordKind.valueOf(rs.getString("within_kind")), rs.getObject("within_id", UUID.class),
                rs.getString("within_name"), rs.getString("summary"));
    }
}
