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
    /** ACC-1 for a consolidated user: the live companies of the account. */
    private static final String ACCOUNT_COMPANIES = """
            select id from company where consolidated_account_id = :account and deleted_at is null order by id""";

    private final JdbcClient jdbc;

    PortalViewers(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                rs.getObject("account_id", UUID.class),
                rights(strings(rs.getArray("modules")), strings(rs.getArray("fields")), rs.getBoolean("event_descriptions"))))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        return Optional.of(new PortalViewer(id, row.contact(), row.portal(), row.type(), row.kind(), row.status(),
                row.portalActive(), row.contactPresent(), scope(row), row.rights()));
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

    private List<UUID> scope(Row row) {
        if (row.company() == null || !row.contactPresent()) {
            return List.of();
        }
        if (row.kind() == PortalUserKind.CONSOLIDATED && row.account() != null) {
            return jdbc.sql(ACCOUNT_COMPANIES).param("account", row.account()).query(UUID.class).list();
        }
        return List.of(row.company());
    }

    private record Row(ContactId contact, PortalId portal, UserTypeId type, PortalUserKind kind,
                       PortalUserStatus status, boolean portalActive, boolean contactPresent, UUID company,
                       UUID account, Rights rights) {
    }
}
