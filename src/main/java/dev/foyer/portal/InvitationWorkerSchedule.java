package dev.foyer.portal;

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
 * Runs the bulk invitation worker every {@code foyer.invitations.poll-interval} on every node
 * (claims keep nodes apart), a batch of {@code foyer.invitations.batch-size} items at a time.
 * Tests switch it off and call {@link InvitationJobWorker#run} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "foyer.invitations.worker.enabled", havingValue = "true", matchIfMissing = true)
class InvitationWorkerSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(InvitationWorkerSchedule.class);

    private final InvitationJobWorker worker;
    private final Duration interval;
    private final int batchSize;

    InvitationWorkerSchedule(InvitationJobWorker worker,
                             @Value("${foyer.invitations.poll-interval:2s}") Duration interval,
                             @Value("${foyer.invitations.batch-size:200}") int batchSize) {
        this.worker = worker;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::poll, interval, interval));
    }

    private void poll() {
        try {
            int handled = worker.run(batchSize);
            if (handled > 0) {
                log.debug("Bulk invitations: handled {} item(s)", handled);
            }
        } catch (RuntimeException e) {
            log.warn("Bulk invitation run failed: {}", e.toString());
        }
    }
}
