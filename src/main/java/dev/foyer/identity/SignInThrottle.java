package dev.foyer.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per e-mail address and per client address, in the database so all app
 * nodes share the counts. A key with too many failures in the window is locked for a while; the
 * same happens for addresses that have no account, so a lockout reveals nothing. Public so the
 * portal sign-in (issue 6 item 7) counts its failures here too, under keys of its own
 * ({@link #scopedEmailKey}); the client-address key is shared, as one client is one client.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final JdbcClient jdbc;
    private final SignInThrottleSettings settings;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SignInThrottleSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    static String emailKey(String email) {
        return "email:" + EmailAddress.normalize(email);
    }

    /** A key for an e-mail address within a scope of its own, e.g. {@code portal:<id>}, apart from staff sign-in. */
    public static String scopedEmailKey(String scope, String email) {
        return scope + ":email:" + EmailAddress.normalize(email == null ? "" : email);
    }

    public static String addressKey(String remoteAddress) {
        return "addr:" + remoteAddress;
    }

    public boolean isLocked(String emailKey, String addressKey) {
        return jdbc.sql("""
                        select exists(select 1 from sign_in_throttle
                                      where throttle_key in (:email, :address) and locked_until > :now)""")
                .param("email", emailKey).param("address", addressKey)
                .param("now", Timestamp.from(clock.instant()))
                .query(Boolean.class).single();
    }

    public void recordFailure(String emailKey, String addressKey) {
        Instant now = clock.instant();
        boolean emailLocked = increment(emailKey, settings.maxFailures(), now);
        boolean addressLocked = increment(addressKey, settings.maxFailuresPerAddress(), now);
        if (emailLocked || addressLocked) {
            log.warn("Sign-in locked for {} after repeated failures", emailLocked ? emailKey : addressKey);
        }
    }

    public void recordSuccess(String emailKey) {
        jdbc.sql("delete from sign_in_throttle where throttle_key = :key").param("key", emailKey).update();
    }

    /** Adds one failure (starting a new window when the old one has passed); true if this locks the key. */
    private boolean increment(String key, int limit, Instant now) {
        Timestamp windowStartedBefore = Timestamp.from(now.minus(settings.window()));
        Timestamp lockUntil = Timestamp.from(now.plus(settings.lockout()));
        return jdbc.sql("""
                        insert into sign_in_throttle as t (throttle_key, failures, window_start, locked_until)
                        values (:key, 1, :now, case when 1 >= :limit then cast(:lockUntil as timestamptz) end)
                        on conflict (throttle_key) do update set
                            failures = case when t.window_start < :windowStart then 1 else t.failures + 1 end,
                            window_start = case when t.window_start < :windowStart then :now else t.window_start end,
                            locked_until = case
                                when (case when t.window_start < :windowStart then 1 else t.failures + 1 end) >= :limit
                                    then cast(:lockUntil as timestamptz)
                                else t.locked_until end
                        returning coalesce(locked_until = cast(:lockUntil as timestamptz), false)""")
                .param("key", key).param("now", Timestamp.from(now)).param("limit", limit)
                .param("lockUntil", lockUntil).param("windowStart", windowStartedBefore)
                .query(Boolean.class).single();
    }
}
