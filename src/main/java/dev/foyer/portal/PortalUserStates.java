package dev.foyer.portal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access for portal sign-in (issue 6 item 7): a portal user's current state, without a staff
 * actor, because the one asking is the portal user's own session or sign-in attempt.
 */
@Service
public class PortalUserStates {

    private final JdbcClient jdbc;

    PortalUserStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<PortalUserState> find(PortalUserId id) {
        return jdbc.sql("""
                        select u.id, u.portal_id, p.slug, p.name, p.active, u.status, c.first_name, c.last_name
                        from portal_user u join portal p on p.id = u.portal_id join contact c on c.id = u.contact_id
                        where u.id = :id""")
                .param("id", id.value())
                .query((rs, n) -> new PortalUserState(new PortalUserId(rs.getObject("id", UUID.class)),
                        new PortalId(rs.getObject("portal_id", UUID.class)), rs.getString("slug"), rs.getString("name"),
                        rs.getBoolean("active"), PortalUserStatus.valueOf(rs.getString("status")),
                        rs.getString("first_name"), rs.getString("last_name")))
                .optional();
    }
}
