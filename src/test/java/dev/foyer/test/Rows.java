package dev.foyer.test;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the database holds, for tests that prove something was (or was not) written or deleted. */
public final class Rows {

    private final JdbcClient jdbc;

    public Rows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many rows of the table have this id: 0 or 1. */
    public long withId(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single();
    }

    public long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The newest history entry's action of a record, e.g. DELETED. */
    public String lastAction(String recordType, UUID id) {
        return jdbc.sql("select action from record_change where record_type = :type and record_id = :id"
                        + " order by id desc limit 1")
                .param("type", recordType).param("id", id).query(String.class).single();
    }

    /** Through what the newest history entry of a record came: UI or API. */
    public String lastVia(String recordType, UUID id) {
        return jdbc.sql("select via from record_change where record_type = :type and record_id = :id"
                        + " order by id desc limit 1")
                .param("type", recordType).param("id", id).query(String.class).single();
    }
}
