package dev.foyer.notifications;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the notification worker every {@code foyer.notifications.poll-interval} and the digest check
 * every {@code foyer.notifications.digest-interval} on every node (row claims keep nodes apart).
 * Tests switch it off ({@code foyer.notifications.worker.enabled=false}) and call the jobs themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "foyer.notifications.worker.enabled", havingValue = "true", matchIfMissing = true)
class NotificationSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

    private final NotificationWorker worker;
    private final NotificationDigests digests;
    private final Clock clock;
    private final Duration interval;
    private final Duration digestInterval;
    private final int batchSize;

    NotificationSchedule(NotificationWorker worker, NotificationDigests digests, Clock clock,
                         @Value("${foyer.notifications.poll-interval:10s}") Duration interval,
                         @Value("${foyer.notifications.digest-interval:5m}") Duration digestInterval,
                         @Value("${foyer.notifications.batch-size:200}") int batchSize) {
        this.worker = worker;
        this.digests = digests;
        this.clock = clock;
        this.interval = interval;
        this.digestInterval = digestInterval;
        this.batchSize = batchSize;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::poll, interval, interval));
        registrar.addFixedDelayTask(new FixedDelayTask(this::digest, digestInterval, digestInterval));
    }

    private void poll() {
        try {
            worker.run(batchSize);
        } catch (RuntimeException e) {
            log.warn("Notification run failed: {}", e.toString());
        }
    }

    private void digest() {
        try {
            digests.run(clock.instant(), batchSize);
        } catch (RuntimeException e) {
            log.warn("Notification digest run failed: {}", e.toString());
        }
    }
}
