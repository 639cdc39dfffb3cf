package dev.foyer.portal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.directory.Companies;
import dev.foyer.directory.Company;
import dev.foyer.directory.ContactId;
import dev.foyer.identity.StaffPrincipal;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who can see this, and why" (issue 5 item 7): for a record staff may see, the portal users who
 * could possibly see it — its portal members for projects and tickets (ACC-3), for a financial
 * document the portal users whose scope takes in its company (ACC-1) — each with the visibility
 * component's own answer ({@link PortalReads#explain}), so this page can never disagree with what
 * portal users actually see. Candidates come a bounded page at a time; each is explained with a
 * fixed number of queries.
 */
@Service
public class WhoCanSee {

    /** The check form offers at most this many portal users and this many contacts. */
    public static final int MAX_CHOICES = 100;
    /** A contact has at most one portal user per portal; this bounds the answer for one contact. */
    private static final int MAX_USERS_PER_CONTACT = 20;

    private static final String COLUMNS = """
            select u.id, u.contact_id, c.first_name, c.last_name, cc.name as company_name, p.name as portal_name,
                   t.name as type_name, u.kind, u.status
            from portal_user u join contact c on c.id = u.contact_id join company cc on cc.id = c.company_id
                 join portal p on p.id = u.portal_id join portal_user_type t on t.id = u.user_type_id""";
    /** ACC-1 as a candidate filter: the contact's company, or for consolidated users the company's account. */
    private static final String IN_SCOPE = """
            (c.company_id = :company
             or (u.kind = 'CONSOLIDATED' and cast(:account as uuid) is not null
                 and cc.consolidated_account_id = cast(:account as uuid)))""";
    private static final String ORDER = " order by lower(c.last_name), lower(c.first_name), u.id";

    private final Map<RecordKind, AudienceRecords> records = new EnumMap<>(RecordKind.class);
    private final PortalReads reads;
    private final Companies companies;
    private final JdbcClient jdbc;

    WhoCanSee(List<AudienceRecords> records, PortalReads reads, Companies companies, JdbcClient jdbc) {
        records.forEach(r -> r.kinds().forEach(kind -> this.records.put(kind, r)));
        this.reads = reads;
        this.companies = companies;
        this.jdbc = jdbc;
    }

    /** The record as this staff user may see it; empty (answer 404) when they may not or it does not exist. */
    @Transactional(readOnly = true)
    public Optional<AudienceRecord> record(StaffPrincipal actor, RecordKind kind, UUID id) {
        AudienceRecords source = records.get(kind);
        if (source == null) {
            throw new AccessDeniedException("No module answers who can see " + kind);
        }
        return source.find(actor, kind, id);
    }

    /** A page of the portal users who could see the record, each with the component's answer. */
    @Transactional(readOnly = true)
    public Page<AudienceMember> candidates(StaffPrincipal actor, AudienceRecord record, Pageable pageable) {
        AudienceRecord checked = require(actor, record);
        Map<String, Object> params = params(actor, checked);
        String where = candidateFilter(checked.ref().kind());
        long total = jdbc.sql("select count(*) from portal_user u join contact c on c.id = u.contact_id"
                        + " join company cc on cc.id = c.company_id where " + where)
                .params(params).query(Long.class).single();
        List<Row> rows = total == 0 ? List.<Row>of() : jdbc.sql(COLUMNS + " where " + where + ORDER
                        + " limit :limit offset :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> row(rs)).list();
        return new PageImpl<>(explained(rows, checked.ref()), pageable, total);
    }

    /** Whom the check form offers: portal users in the record company's scope, then its contacts without portal access. */
    @Transactional(readOnly = true)
    public List<AudienceChoice> choices(StaffPrincipal actor, AudienceRecord record) {
        AudienceRecord checked = require(actor, record);
        Map<String, Object> params = params(actor, checked);
        List<AudienceChoice> choices = new ArrayList<>(jdbc.sql(COLUMNS + " where " + IN_SCOPE + ORDER + " limit :limit")
                .params(params).param("limit", MAX_CHOICES)
                .query((rs, n) -> {
                    Row row = row(rs);
                    return new AudienceChoice("user:" + row.id(), row.name() + " (" + row.companyName() + ", "
                            + row.portalName() + ")", true);
                }).list());
        choices.addAll(jdbc.sql("""
                        select c.id, c.first_name, c.last_name from contact c
                        where c.company_id = :company and c.deleted_at is null
                          and not exists (select 1 from portal_user u where u.contact_id = c.id)
                        order by lower(c.last_name), lower(c.first_name), c.id limit :limit""")
                .param("company", checked.companyId().value()).param("limit", MAX_CHOICES)
                .query((rs, n) -> new AudienceChoice("contact:" + rs.getObject("id", UUID.class),
                        rs.getString("first_name") + " " + rs.getString("last_name"), false))
                .list());
        return choices;
    }

    /**
     * The answer for one portal user ({@code user:<id>}) or contact ({@code contact:<id>}): every
     * portal user of theirs, explained by the component. Empty when the value names nobody.
     */
    @Transactional(readOnly = true)
    public Optional<AudienceCheck> check(StaffPrincipal actor, AudienceRecord record, String who) {
        AudienceRecord checked = require(actor, record);
        if (who == null) {
            return Optional.empty();
        }
        Optional<PortalUserId> user = who.startsWith("user:") ? PortalUserId.parse(who.substring(5)) : Optional.empty();
        Optional<UUID> contact = who.startsWith("contact:") ? uuid(who.substring(8)) : Optional.empty();
        if (user.isPresent()) {
            List<Row> rows = jdbc.sql(COLUMNS + " where u.id = :user" + ORDER + " limit 1")
                    .param("user", user.get().value()).query((rs, n) -> row(rs)).list();
            return rows.isEmpty() ? Optional.empty()
                    : Optional.of(new AudienceCheck(rows.getFirst().name(), explained(rows, checked.ref())));
        }
        if (contact.isPresent()) {
            Optional<String> name = jdbc.sql("select first_name || ' ' || last_name from contact where id = :id")
                    .param("id", contact.get()).query(String.class).optional();
            if (name.isEmpty()) {
                return Optional.empty();
            }
            List<Row> rows = jdbc.sql(COLUMNS + " where u.contact_id = :contact" + ORDER + " limit :limit")
                    .param("contact", contact.get()).param("limit", MAX_USERS_PER_CONTACT)
                    .query((rs, n) -> row(rs)).list();
            return Optional.of(new AudienceCheck(name.get(), explained(rows, checked.ref())));
        }
        return Optional.empty();
    }

    private AudienceRecord require(StaffPrincipal actor, AudienceRecord record) {
        // Asked again, never trusted from the caller: only staff who may see the record use this.
        return record(actor, record.ref().kind(), record.ref().id())
                .orElseThrow(() -> new AccessDeniedException("Not visible to this staff user"));
    }

    private List<AudienceMember> explained(List<Row> rows, RecordRef ref) {
        return rows.stream().map(row -> new AudienceMember(row.id(), row.contactId(), row.name(), row.companyName(),
                row.portalName(), row.typeName(), row.kind(), row.status(), labelled(reads.explain(row.id(), ref))))
                .toList();
    }

    /**
     * The component's answer, unchanged, with its stored names (module, view scope, status) turned
     * into message codes, so the page shows "Projects" rather than PROJECTS in the user's language.
     */
    private static Explanation labelled(Explanation explanation) {
        return new Explanation(explanation.portalUser(), explanation.record(), explanation.checks().stream()
                .map(check -> new VisibilityCheck(check.rule(), check.passed(), check.messageKey(),
                        check.args().stream().map(arg -> label(check.messageKey(), arg)).toList()))
                .toList());
    }

    private static Object label(String messageKey, Object arg) {
        if (!(arg instanceof String name)) {
            return arg;
        }
        String code = null;
        if (messageKey.startsWith("portal.explain.status.")) {
            code = "portal.user.status." + name;
        } else if (java.util.Arrays.stream(PortalModule.values()).anyMatch(m -> m.name().equals(name))) {
            code = "portal.module." + name;
        } else if (java.util.Arrays.stream(ViewScope.values()).anyMatch(v -> v.name().equals(name))) {
            code = "portal.scope." + name;
        }
        return code == null ? arg : new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[]{code}, name);
    }

    private String candidateFilter(RecordKind kind) {
        if (kind.isProjectItem()) {
            // Items: the portal members of the item's project (ACC-3); the table comes from the enum.
            return "exists (select 1 from " + kind.table() + " x join project_portal_member m on m.project_id = x.project_id"
                    + " where x.id = :record and m.portal_user_id = u.id)";
        }
        return switch (kind) {
            case PROJECT -> "exists (select 1 from project_portal_member m where m.portal_user_id = u.id"
                    + " and m.project_id = :record)";
            case TICKET -> "exists (select 1 from ticket_portal_member m where m.portal_user_id = u.id"
                    + " and m.ticket_id = :record)";
            case TICKET_COMMENT -> "exists (select 1 from ticket_comment x join ticket_portal_member m"
                    + " on m.ticket_id = x.ticket_id where x.id = :record and m.portal_user_id = u.id)";
            case FILE -> fileCandidates();
            case FINANCE_DOCUMENT -> IN_SCOPE;
            default -> throw new AccessDeniedException("No candidates for " + kind);
        };
    }

    /** Files: the portal members of the project or ticket the file's owner belongs to (ACC-7 via its owner). */
    private static String fileCandidates() {
        StringBuilder sql = new StringBuilder("exists (select 1 from stored_file f where f.id = :record and (false");
        Visibility.FILE_OWNERS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(owner -> {
            RecordKind kind = owner.getValue();
            sql.append(" or (f.owner_type = '").append(owner.getKey()).append("' and ");
            if (kind == RecordKind.PROJECT) {
                sql.append("exists (select 1 from project_portal_member m where m.project_id = f.owner_id"
                        + " and m.portal_user_id = u.id)");
            } else if (kind == RecordKind.TICKET) {
                sql.append("exists (select 1 from ticket_portal_member m where m.ticket_id = f.owner_id"
                        + " and m.portal_user_id = u.id)");
            } else {
                sql.append("exists (select 1 from ").append(kind.table()).append(" x join project_portal_member m"
                        + " on m.project_id = x.project_id where x.id = f.owner_id and m.portal_user_id = u.id)");
            }
            sql.append(")");
        });
        return sql.append("))").toString();
    }

    private Map<String, Object> params(StaffPrincipal actor, AudienceRecord record) {
        Company company = companies.find(actor, record.companyId()).orElse(null);
        Map<String, Object> params = new HashMap<>();
        params.put("record", record.ref().id());
        params.put("company", record.companyId().value());
        params.put("account", company == null || company.consolidatedAccountId() == null ? null
                : company.consolidatedAccountId().value());
        return params;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(new PortalUserId(rs.getObject("id", UUID.class)),
                new ContactId(rs.getObject("contact_id", UUID.class)),
                rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("company_name"),
                rs.getString("portal_name"), rs.getString("type_name"), PortalUserKind.valueOf(rs.getString("kind")),
                PortalUserStatus.valueOf(rs.getString("status")));
    }

    private record Row(PortalUserId id, ContactId contactId, String name, String companyName, String portalName,
                       String typeName, PortalUserKind kind, PortalUserStatus status) {
    }
}
