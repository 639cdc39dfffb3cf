package dev.foyer.organization;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.foyer.identity.StaffPrincipal;
import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization's settings: read by everyone, changed by admins. */
@Service
public class Organizations {

    private static final Logger log = LoggerFactory.getLogger(Organizations.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private static final java.time.Duration CACHE_LIFETIME = java.time.Duration.ofSeconds(10);

    private volatile boolean setUp;
    private volatile Cached cached;

    Organizations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static boolean canEditSettings(StaffPrincipal actor) {
        return actor != null && actor.isAdmin();
    }

    public static void requireEditSettings(StaffPrincipal actor) {
        if (!canEditSettings(actor)) {
            throw new AccessDeniedException("Only admins change the organization's settings");
        }
    }

    /** Whether setup has completed; once true it stays true, so the answer is cached. */
    public boolean isSetUp() {
        if (!setUp) {
            setUp = jdbc.sql("select exists(select 1 from organization)").query(Boolean.class).single();
        }
        return setUp;
    }

    /**
     * The organization as stored, cached for a few seconds: pages read it many times per request,
     * and other app nodes see a change within the cache's lifetime.
     */
    public Optional<Organization> current() {
        Cached cached = this.cached;
        if (cached != null && cached.loadedAt().plus(CACHE_LIFETIME).isAfter(clock.instant())) {
            return Optional.of(cached.organization());
        }
        Optional<Organization> loaded = load();
        loaded.ifPresent(organization -> this.cached = new Cached(organization, clock.instant()));
        return loaded;
    }

    /** The organization as stored right now, bypassing the cache (for conflict messages). */
    public Optional<Organization> fresh() {
        cached = null;
        return current();
    }

    private record Cached(Organization organization, java.time.Instant loadedAt) {
    }

    private Optional<Organization> load() {
        return jdbc.sql("""
                        select name, internal_domains, default_language, time_zone, time_format, country, version,
                               updated_at
                        from organization where id = 1""")
                .query((rs, n) -> new Organization(
                        new OrganizationProfile(rs.getString("name"), domains(rs.getArray("internal_domains")),
                                rs.getString("default_language"), rs.getString("time_zone"),
                                TimeFormat.valueOf(rs.getString("time_format")), rs.getString("country")),
                        rs.getLong("version"), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    @Transactional
    public Organization update(StaffPrincipal actor, long expectedVersion, OrganizationProfile profile) {
        requireEditSettings(actor);
        int changed = jdbc.sql("""
                        update organization set name = :name, internal_domains = :domains,
                               default_language = :language, time_zone = :zone, time_format = :format,
                               country = :country, version = version + 1, updated_at = :now, updated_by = :actor
                        where id = 1 and version = :version""")
                .param("name", profile.name())
                .param("domains", profile.internalDomains().toArray(String[]::new))
                .param("language", profile.defaultLanguage())
                .param("zone", profile.timeZone())
                .param("format", profile.timeFormat().name())
                .param("country", profile.country())
                .param("now", Timestamp.from(clock.instant()))
                .param("actor", actor.id().value())
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw new StaleVersionException("organization settings");
        }
        log.info("Staff user {} changed the organization's settings", actor.email());
        cached = null;
        return current().orElseThrow();
    }

    /** Stores the organization during setup; the caller holds the setup lock. */
    void create(OrganizationProfile profile) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into organization (id, name, internal_domains, default_language, time_zone, time_format,
                                                  country, created_at, updated_at)
                        values (1, :name, :domains, :language, :zone, :format, :country, :now, :now)""")
                .param("name", profile.name())
                .param("domains", profile.internalDomains().toArray(String[]::new))
                .param("language", profile.defaultLanguage())
                .param("zone", profile.timeZone())
                .param("format", profile.timeFormat().name())
                .param("country", profile.country())
                .param("now", now)
                .update();
    }

    boolean existsInDatabase() {
        return jdbc.sql("select exists(select 1 from organization)").query(Boolean.class).single();
    }

    private static List<String> domains(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
