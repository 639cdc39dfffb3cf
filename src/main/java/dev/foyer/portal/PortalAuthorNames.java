package dev.foyer.portal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names the portal users who wrote records (EXP-9) for staff pages and the REST API: one query for
 * all the records of a page, never one per row. Pages that read their rows with SQL join
 * {@link #join} in and select {@link #columns} instead.
 */
@Component
public class PortalAuthorNames {

    /** Joins the author of the row aliased {@code alias} (a table with {@code portal_author_id}) as {@code pau}/{@code pac}. */
    public static String join(String alias) {
        return " left join portal_user pau on pau.id = " + alias + ".portal_author_id"
                + " left join contact pac on pac.id = pau.contact_id";
    }

    /** The columns {@link PortalAuthorName#of} reads, over {@link #join}. */
    public static String columns(String alias) {
        return " " + alias + ".portal_author_id, trim(pac.first_name || ' ' || pac.last_name) as portal_author_name";
    }

    /** The tables whose rows a portal user can write. */
    public enum Authored {
        PROJECT_COMMENT("project_comment"), TICKET_COMMENT("ticket_comment"), TICKET("ticket"),
        STORED_FILE("stored_file"), TASK("task"), CONTACT("contact");

        private final String table;

        Authored(String table) {
            this.table = table;
        }
    }

    private final JdbcClient jdbc;

    PortalAuthorNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The portal authors of those of {@code ids} a portal user wrote, by record id; a page's worth at a time. */
    public Map<UUID, PortalAuthorName> of(Authored kind, Collection<UUID> ids) {
        Map<UUID, PortalAuthorName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select r.id," + columns("r") + " from " + kind.table + " r" + join("r")
                        + " where r.id = any(:ids) and r.portal_author_id is not null limit :max")
                .param("ids", ids.toArray(UUID[]::new)).param("max", ids.size())
                .query((rs, n) -> {
                    names.put(rs.getObject("id", UUID.class), PortalAuthorName.of(rs));
                    return null;
                }).list();
        return names;
    }

    /** The portal author of one record, if a portal user wrote it. */
    public PortalAuthorName of(Authored kind, UUID id) {
        return of(kind, List.of(id)).get(id);
    }
}
