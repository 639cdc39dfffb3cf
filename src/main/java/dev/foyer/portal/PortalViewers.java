package dev.foyer.portal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.foyer.directory.ContactId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads a {@link PortalViewer} from the database on every call (ACC-9: nothing cached across requests). */
@Component
class PortalViewers {

    /** The user, their portal, their contact and its company; a company or account in the recycle bin reads as none. */
    private static final String VIEWER = """
            select u.id, u.contact_id, u.portal_id, u.user_type_id, u.kind, u.status, p.active as portal_active,
                   (c.deleted_at is null) as contact_present,
                   case when cc.deleted_at is null then cc.id end as company_id,
                   case when cc.deleted_at is null and a.deleted_at is null then a.id end as account_id,
                   array(select ac.id from company ac
                         where ac.consolidated_account_id = a.id and a.deleted_at is null and ac.deleted_at is null
                         order by ac.id) as account_companies,
                   t.event_descriptions,
                   array(select r.module || ':' || r.view_scope || ':' || r.can_create || ':' || r.can_edit_own || ':'
                                || r.can_edit_shared || ':' || r.can_delete_own || ':' || r.can_clone
                         from portal_module_right r where r.user_type_id = u.user_type_id) as modules,
                   array(select f.module || ':' || f.field || ':' || f.access
                         from portal_field_right f where f.user_type_id = u.user_type_id) as fields
            from portal_user u
                 join portal_user_type t on t.id = u.user_type_id
                 join portal p on p.id = u.portal_id
                 join contact c on c.id = u.contact_id
                 left join company cc on cc.id = c.company_id
                 left join consolidated_account a on a.id = cc.consolidated_account_id
            where u.id = :id""";

    /**
     * PRT-8: a user-type preview reads as a synthetic viewer of that type, in that company, who is a
     * member of nothing and wrote nothing — a new user of the type — for as long as the preview is
     * active. Its id is the preview's id (never a portal user's); its contact is that id too, so it
     * matches no contact.
     */
    private static final String PREVIEW_VIEWER = """
            select v.id, v.portal_id, v.user_type_id, p.active as portal_active,
                   case when co.deleted_at is null then co.id end as company_id,
                   t.event_descriptions,
                   array(select r.module || ':' || r.view_scope || ':' || r.can_create || ':' || r.can_edit_own || ':'
                                || r.can_edit_shared || ':' || r.can_delete_own || ':' || r.can_clone
                         from portal_module_right r where r.user_type_id = v.user_type_id) as modules,
                   array(select f.module || ':' || f.field || ':' || f.access
                         from portal_field_right f where f.user_type_id = v.user_type_id) as fields
            from portal_preview v
                 join portal_user_type t on t.id = v.user_type_id and t.portal_id = v.portal_id
                 join portal p on p.id = v.portal_id
                 join company co on co.id = v.company_id
            where v.id = :id and v.kind = 'USER_TYPE' and v.ended_at is null and v.expires_at > :now""";

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    PortalViewers(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The viewer, or empty when there is no such portal user. A broken rights row throws (callers fail closed). */
    Optional<PortalViewer> load(PortalUserId id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<Row> found = jdbc.sql(VIEWER).param("id", id.value()).query((rs, n) -> new Row(
                new ContactId(rs.getObject("contact_id", UUID.class)), new PortalId(rs.getObject("portal_id", UUID.class)),
                new UserTypeId(rs.getObject("user_type_id", UUID.class)), PortalUserKind.valueOf(rs.getString("kind")),
                PortalUserStatus.valueOf(rs.getString("status")), rs.getBoolean("portal_active"),
                rs.getBoolean("contact_present"), rs.getObject("company_id", UUID.class),
                rs.getObject("account_id", UUID.class), uuids(rs.getArray("account_companies")),
                rights(strings(rs.getArray("modules")), strings(rs.getArray("fields")), rs.getBoolean("event_descriptions"))))
                .optional();
        if (found.isEmpty()) {
            return previewViewer(id);
        }
        Row row = found.get();
        return Optional.of(new PortalViewer(id, row.contact(), row.portal(), row.type(), row.kind(), row.status(),
                row.portalActive(), row.contactPresent(), scope(row), row.rights()));
    }

    private Optional<PortalViewer> previewViewer(PortalUserId id) {
        return jdbc.sql(PREVIEW_VIEWER).param("id", id.value())
                .param("now", java.time.OffsetDateTime.now(clock))
                .query((rs, n) -> {
                    UUID company = rs.getObject("company_id", UUID.class);
                    return new PortalViewer(id, new ContactId(id.value()),
                            new PortalId(rs.getObject("portal_id", UUID.class)),
                            new UserTypeId(rs.getObject("user_type_id", UUID.class)), PortalUserKind.CUSTOMER,
                            PortalUserStatus.ACTIVE, rs.getBoolean("portal_active"), true,
                            company == null ? List.of() : List.of(company),
                            rights(strings(rs.getArray("modules")), strings(rs.getArray("fields")),
                                    rs.getBoolean("event_descriptions")));
                }).optional();
    }

    /**
     * The user type's rights from its rows, in the same query as the user (one round trip per
     * request). A row naming a module or field this version does not know is an error, not a
     * silent "none": the caller fails closed.
     */
    private static Rights rights(List<String> moduleRows, List<String> fieldRows, boolean eventDescriptions) {
        Map<PortalModule, ModuleRight> modules = new EnumMap<>(PortalModule.class);
        for (String row : moduleRows) {
            String[] p = row.split(":");
            PortalModule module = PortalModule.valueOf(p[0]);
            modules.put(module, new ModuleRight(module, ViewScope.valueOf(p[1]), Boolean.parseBoolean(p[2]),
                    Boolean.parseBoolean(p[3]), Boolean.parseBoolean(p[4]), Boolean.parseBoolean(p[5]),
                    Boolean.parseBoolean(p[6])));
        }
        Map<PortalField, FieldAccess> fields = new EnumMap<>(PortalField.class);
        for (String row : fieldRows) {
            String[] p = row.split(":");
            PortalModule module = PortalModule.valueOf(p[0]);
            PortalField field = PortalField.of(module, p[1])
                    .orElseThrow(() -> new IllegalStateException("Unknown portal field " + row));
            fields.put(field, FieldAccess.valueOf(p[2]));
        }
        return new Rights(modules, fields, eventDescriptions);
    }

    private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<UUID> uuids(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    /** ACC-1: a customer user's company; a consolidated user's live companies of the account (read with the user). */
    private List<UUID> scope(Row row) {
        if (row.company() == null || !row.contactPresent()) {
            return List.of();
        }
        if (row.kind() == PortalUserKind.CONSOLIDATED && row.account() != null) {
            return row.accountCompanies();
        }
        return List.of(row.company());
    }

    private record Row(ContactId contact, PortalId portal, UserTypeId type, PortalUserKind kind,
                       PortalUserStatus status, boolean portalActive, boolean contactPresent, UUID company,
                       UUID account, List<UUID> accountCompanies, Rights rights) {
    }
}
