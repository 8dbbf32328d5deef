package io.controlautogeneracion.catalog.install;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Every minute, finishes the installs a crashed instance left between its two writes. Entries
 * younger than two minutes are left to the install that owns them.
 */
@ApplicationScoped
public class PendingInstallSweeper {
    private static final Logger LOG = Logger.getLogger(PendingInstallSweeper.class);
    private static final Duration GRACE = Duration.ofMinutes(2);

    private final PendingInstalls pending;
    private final Clock clock;

    public PendingInstallSweeper(PendingInstalls pending, Clock clock) {
        this.pending = pending;
        this.clock = clock;
    }

    @Scheduled(
            every = "60s",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int removed =
                    pending.sweep(clock.instant(), GRACE).await().atMost(Duration.ofMinutes(1));
            if (removed > 0) {
                LOG.warnf("removed %d device documents of installs that never committed", removed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("pending install sweep failed, next run retries: %s", e.toString());
        }
    }
}
