package dev.foyer.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits on failed sign-ins (foyer.security.sign-in.*). */
@ConfigurationProperties("foyer.security.sign-in")
record SignInThrottleSettings(int maxFailures, Duration window, Duration lockout, int maxFailuresPerAddress) {
}
