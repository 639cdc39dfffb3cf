package dev.foyer.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff users as other modules need them: names for display and active users for choosers
 * (assignees, members). Every staff user may read these; nothing here changes an account.
 */
@Service
public class StaffChoices {

    private final JdbcClient jdbc;

    StaffChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active staff users, ordered by name; choosers show at most 500 (an organization has fewer staff). */
    @Transactional(readOnly = true)
    public List<StaffChoice> active(StaffPrincipal actor) {
        requireStaff(actor);
        return jdbc.sql("select id, display_name from staff_user where active order by lower(display_name), id limit 500")
                .query((rs, n) -> new StaffChoice(new StaffUserId(rs.getObject("id", UUID.class)),
                        rs.getString("display_name")))
                .list();
    }

    /** Whether this is the id of an active staff user. */
    @Transactional(readOnly = true)
    public boolean isActive(StaffUserId id) {
        return id != null && jdbc.sql("select exists(select 1 from staff_user where id = :id and active)")
                .param("id", id.value()).query(Boolean.class).single();
    }

    /** Display names of the given staff users, active or not. */
    @Transactional(readOnly = true)
    public Map<StaffUserId, String> names(Collection<StaffUserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, display_name from staff_user where id in (:ids)")
                .param("ids", ids.stream().map(StaffUserId::value).toList())
                .query((rs, n) -> new StaffChoice(new StaffUserId(rs.getObject("id", UUID.class)),
                        rs.getString("display_name")))
                .list().stream().collect(Collectors.toMap(StaffChoice::id, StaffChoice::displayName));
    }

    private static void requireStaff(StaffPrincipal actor) {
        if (actor == null) {
            throw new AccessDeniedException("Staff only");
        }
    }
}
