package dev.foyer.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the delivery worker every {@code foyer.mail.poll-interval} on every node (claims keep them
 * apart). Tests switch it off ({@code foyer.mail.worker.enabled=false}) and call
 * {@link MailDelivery#runOnce()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "foyer.mail.worker.enabled", havingValue = "true", matchIfMissing = true)
class MailWorkerSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MailWorkerSchedule.class);

    private final MailDelivery delivery;
    private final MailSettings settings;

    MailWorkerSchedule(MailDelivery delivery, MailSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.configured()) {
            return;
        }
        registrar.addFixedDelayTask(new FixedDelayTask(this::poll, settings.pollInterval(), settings.pollInterval()));
    }

    private void poll() {
        try {
            delivery.runOnce();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next poll tries again.
            log.warn("Mail delivery run failed: {}", e.toString());
        }
    }
}
