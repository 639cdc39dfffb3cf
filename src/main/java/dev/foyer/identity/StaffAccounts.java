package dev.foyer.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.foyer.shared.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts (PRODUCT.md §1): admins create, edit, deactivate and reactivate them and change
 * roles; everyone changes their own password. Every operation checks its actor first.
 */
@Service
public class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final StaffUserRepository users;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffAccounts(StaffUserRepository users, JdbcClient jdbc, PasswordEncoder passwordEncoder,
                  PasswordPolicy passwordPolicy, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.events = events;
        this.clock = clock;
    }

    /** Who may manage staff accounts. */
    public static boolean canManageStaff(StaffPrincipal actor) {
        return actor != null && actor.isAdmin();
    }

    public static void requireManageStaff(StaffPrincipal actor) {
        if (!canManageStaff(actor)) {
            throw new AccessDeniedException("Only admins manage staff accounts");
        }
    }

    @Transactional(readOnly = true)
    public boolean anyActiveAdmin() {
        return users.anyActiveAdmin();
    }

    @Transactional(readOnly = true)
    public long countActive(StaffPrincipal actor) {
        requireManageStaff(actor);
        return jdbc.sql("select count(*) from staff_user where active").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<StaffUser> find(StaffPrincipal actor, StaffUserId id) {
        requireManageStaff(actor);
        return users.findById(id);
    }

    /** A page of staff users, ordered by name; every filter is backed by an index or a small table. */
    @Transactional(readOnly = true)
    public Page<StaffUserSummary> list(StaffPrincipal actor, StaffUserQuery query, Pageable pageable) {
        requireManageStaff(actor);
        List<String> conditions = new ArrayList<>();
        var params = new java.util.HashMap<String, Object>();
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add("(lower(display_name) like :text or lower(email) like :text)");
            params.put("text", "%" + escapeLike(query.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (query.role() != null) {
            conditions.add("role = :role");
            params.put("role", query.role().name());
        }
        if (query.active() != null) {
            conditions.add("active = :active");
            params.put("active", query.active());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from staff_user" + where).params(params).query(Long.class).single();
        List<StaffUserSummary> rows = jdbc.sql("select id, display_name, email, role, active, updated_at from staff_user"
                        + where + " order by lower(display_name), id limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> new StaffUserSummary(new StaffUserId(rs.getObject("id", java.util.UUID.class)),
                        rs.getString("display_name"), rs.getString("email"), StaffRole.valueOf(rs.getString("role")),
                        rs.getBoolean("active"), rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Integrations read the staff directory (issue 3); every API token may, whatever its scope. */
    public static boolean canReadDirectory(IntegrationClient client) {
        return client != null;
    }

    public static void requireReadDirectory(IntegrationClient client) {
        if (!canReadDirectory(client)) {
            throw new AccessDeniedException("Only authenticated integrations read the staff directory");
        }
    }

    /**
     * A page of staff users for an integration, oldest change first (then by id), so a sync can
     * follow {@code updatedAt}; with {@code updatedSince}, only users changed at or after it.
     */
    @Transactional(readOnly = true)
    public Page<StaffDirectoryEntry> directory(IntegrationClient client, Instant updatedSince, Pageable pageable) {
        requireReadDirectory(client);
        String where = updatedSince == null ? "" : " where updated_at >= :since";
        var count = jdbc.sql("select count(*) from staff_user" + where);
        var rows = jdbc.sql("select id, display_name, email, role, active, version, created_at, updated_at from staff_user"
                + where + " order by updated_at, id limit :limit offset :offset");
        if (updatedSince != null) {
            count = count.param("since", java.sql.Timestamp.from(updatedSince));
            rows = rows.param("since", java.sql.Timestamp.from(updatedSince));
        }
        long total = count.query(Long.class).single();
        List<StaffDirectoryEntry> entries = rows.param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> directoryEntry(rs))
                .list();
        return new PageImpl<>(entries, pageable, total);
    }

    @Transactional(readOnly = true)
    public Optional<StaffDirectoryEntry> directoryEntry(IntegrationClient client, StaffUserId id) {
        requireReadDirectory(client);
        return jdbc.sql("select id, display_name, email, role, active, version, created_at, updated_at from staff_user"
                        + " where id = :id")
                .param("id", id.value())
                .query((rs, n) -> directoryEntry(rs))
                .optional();
    }

    /** Display names of staff users, for showing who did something; any signed-in staff user may see them. */
    @Transactional(readOnly = true)
    public Map<StaffUserId, String> displayNames(StaffPrincipal actor, java.util.Collection<StaffUserId> ids) {
        if (actor == null) {
            throw new AccessDeniedException("Only staff see staff names");
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() > 500) {
            throw new IllegalArgumentException("Ask for the names of one page of records at a time");
        }
        Map<StaffUserId, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, display_name from staff_user where id in (:ids)")
                .param("ids", ids.stream().map(StaffUserId::value).distinct().toList())
                .query((rs, n) -> Map.entry(new StaffUserId(rs.getObject("id", java.util.UUID.class)),
                        rs.getString("display_name")))
                .list()
                .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        return names;
    }

    @Transactional
    public StaffUser create(StaffPrincipal actor, String email, String displayName, StaffRole role, String password) {
        requireManageStaff(actor);
        StaffUser user = createAccount(email, displayName, role, password, actor.id());
        log.info("Staff user {} created {} as {}", actor.email(), user.email(), role);
        return user;
    }

    /**
     * Creates the first admin during setup. The caller holds the setup lock and has checked that
     * no admin exists.
     */
    @Transactional
    public StaffUser createFirstAdmin(String email, String displayName, String password) {
        if (users.anyActiveAdmin()) {
            throw new AccessDeniedException("An admin exists already");
        }
        StaffUser user = createAccount(email, displayName, StaffRole.ADMIN, password, null);
        log.info("First admin {} created", user.email());
        return user;
    }

    @Transactional
    public StaffUser update(StaffPrincipal actor, StaffUserId id, long expectedVersion, String email,
                            String displayName, StaffRole role) {
        requireManageStaff(actor);
        StaffUser user = load(id, expectedVersion);
        EmailAddress address = requireEmail(email);
        requireEmailFree(address, id);
        boolean roleChanged = user.role() != role;
        if (roleChanged && user.role() == StaffRole.ADMIN && user.active() && users.countActiveAdmins() <= 1) {
            throw new StaffAccountException("role", "staff.error.lastAdmin");
        }
        user.edit(address, displayName, role, actor.id(), clock.instant());
        StaffUser saved = save(user);
        if (roleChanged) {
            events.publishEvent(new StaffAccessChanged(id));
        }
        log.info("Staff user {} edited {} (role {})", actor.email(), saved.email(), saved.role());
        return saved;
    }

    @Transactional
    public StaffUser setActive(StaffPrincipal actor, StaffUserId id, long expectedVersion, boolean active) {
        requireManageStaff(actor);
        StaffUser user = load(id, expectedVersion);
        if (!active && actor.id().equals(id)) {
            throw new StaffAccountException(null, "staff.error.deactivateSelf");
        }
        if (!active && user.role() == StaffRole.ADMIN && user.active() && users.countActiveAdmins() <= 1) {
            throw new StaffAccountException(null, "staff.error.lastAdmin");
        }
        user.setActive(active, actor.id(), clock.instant());
        StaffUser saved = save(user);
        events.publishEvent(new StaffAccessChanged(id));
        log.info("Staff user {} {} {}", actor.email(), active ? "reactivated" : "deactivated", saved.email());
        return saved;
    }

    @Transactional
    public void changeOwnPassword(StaffPrincipal actor, String currentPassword, String newPassword) {
        StaffUser user = users.findById(actor.id()).filter(StaffUser::active)
                .orElseThrow(() -> new AccessDeniedException("No active account"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new StaffAccountException("currentPassword", "password.currentWrong");
        }
        requirePasswordAllowed(newPassword, "newPassword");
        user.changePasswordHash(passwordEncoder.encode(newPassword), actor.id(), clock.instant());
        save(user);
        log.info("Staff user {} changed their password", user.email());
    }

    private StaffUser createAccount(String email, String displayName, StaffRole role, String password,
                                    StaffUserId actor) {
        // Check every field first, so the form can show all problems at once.
        Map<String, String> problems = new LinkedHashMap<>();
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            problems.put("displayName", "staff.error.name");
        }
        if (!EmailAddress.isValid(email)) {
            problems.put("email", "email.invalid");
        } else if (users.findByEmail(EmailAddress.normalize(email)).isPresent()) {
            problems.put("email", "staff.error.emailTaken");
        }
        if (role == null) {
            problems.put("role", "staff.error.role");
        }
        passwordPolicy.violation(password).ifPresent(key -> problems.put("password", key));
        if (!problems.isEmpty()) {
            throw new StaffAccountException(problems);
        }
        StaffUser user = StaffUser.create(new EmailAddress(email), displayName, passwordEncoder.encode(password), role,
                actor, clock.instant());
        return users.save(user);
    }

    private StaffUser load(StaffUserId id, long expectedVersion) {
        StaffUser user = users.findById(id).orElseThrow(() -> new StaffAccountException(null, "staff.error.notFound"));
        if (user.version() != expectedVersion) {
            throw new StaleVersionException("staff user " + id);
        }
        return user;
    }

    private StaffUser save(StaffUser user) {
        try {
            return users.save(user);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("staff user " + user.id());
        }
    }

    private void requirePasswordAllowed(String password, String field) {
        passwordPolicy.violation(password).ifPresent(key -> {
            throw new StaffAccountException(field, key);
        });
    }

    private static EmailAddress requireEmail(String email) {
        if (!EmailAddress.isValid(email)) {
            throw new StaffAccountException("email", "email.invalid");
        }
        return new EmailAddress(email);
    }

    private void requireEmailFree(EmailAddress email, StaffUserId except) {
        users.findByEmail(email.value()).filter(other -> !other.id().equals(except)).ifPresent(other -> {
            throw new StaffAccountException("email", "staff.error.emailTaken");
        });
    }

    private static StaffDirectoryEntry directoryEntry(ResultSet rs) throws SQLException {
        return new StaffDirectoryEntry(new StaffUserId(rs.getObject("id", java.util.UUID.class)),
                rs.getString("display_name"), rs.getString("email"), StaffRole.valueOf(rs.getString("role")),
                rs.getBoolean("active"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
