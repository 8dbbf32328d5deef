package io.controlautogeneracion.ingest.stats;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/**
 * Skips a scheduled task until start-up has finished, every start-up observer included (Quarkus'
 * own {@code ApplicationNotRunning} turns true before that), and again from shutdown on.
 */
@Singleton
public class AfterStartup implements Scheduled.SkipPredicate {
    private volatile boolean started;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent e) {
        started = true;
    }

    void onStop(@Observes ShutdownEvent e) {
        started = false;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !started;
    }
}
