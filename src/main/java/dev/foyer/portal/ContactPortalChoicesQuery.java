package dev.foyer.portal;

import java.util.List;
import java.util.UUID;

import dev.foyer.identity.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every portal's user types, first portal first, for give-access and bulk invitation choosers;
 * only for staff who may give access (LIF-1, LIF-3).
 */
@Component
public class ContactPortalChoicesQuery {

    static final int MAX_TYPE_CHOICES = 500;

    private final JdbcClient jdbc;

    ContactPortalChoicesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<ContactAccessPanel.TypeChoice> all(StaffPrincipal actor) {
        PortalAccess.requireGiveAccess(actor);
        return jdbc.sql("""
                        select p.id as portal_id, p.name as portal_name, t.id as type_id, t.name as type_name
                        from portal p join portal_user_type t on t.portal_id = p.id
                        order by p.is_primary desc, lower(p.name), p.id, lower(t.name), t.id limit :limit""")
                .param("limit", MAX_TYPE_CHOICES)
                .query((rs, n) -> new ContactAccessPanel.TypeChoice(new PortalId(rs.getObject("portal_id", UUID.class)),
                        rs.getString("portal_name"), new UserTypeId(rs.getObject("type_id", UUID.class)),
                        rs.getString("type_name")))
                .list();
    }
}
