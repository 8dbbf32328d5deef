package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.pipelines.JobParameters;
import java.time.Duration;

/**
 * The scheduler's own settings ({@code --scheduler.*}, {@code --metrics.*}, or {@code BATCH_*}
 * environment variables), with the batch's settings its runs use.
 *
 * @param horizon how far back closed hours are watched: longer than the validity bound of readings
 *     (7 days) plus the reach of a counter gap (2 days), so any late reading, and the hours its gap
 *     crosses, still find their hours watched
 * @param check how often the scheduler looks
 * @param settle how long due hours wait after their partitions last changed
 * @param maxHoursPerRun the longest range one run computes
 * @param maxRunsPerCheck runs in one check at most, before the next check
 * @param firstBackoff the wait after a first failure; doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param runJavaOptions JVM options of each run's process
 * @param runTimeout how long a run may take before its process is killed (a failed attempt)
 * @param metricsHost where the metrics endpoint listens
 * @param metricsPort its port; 0 for none
 * @param once run one check and stop (for a cron-style deployment and tests)
 */
public record SchedulerSettings(
        BatchSettings batch,
        Duration horizon,
        Duration check,
        Duration settle,
        int maxHoursPerRun,
        int maxRunsPerCheck,
        Duration firstBackoff,
        Duration maxBackoff,
        String runJavaOptions,
        Duration runTimeout,
        String metricsHost,
        int metricsPort,
        boolean once) {

    public static SchedulerSettings from(JobParameters p) {
        return new SchedulerSettings(
                BatchSettings.from(p),
                p.getDuration("scheduler.horizon", Duration.ofDays(10)),
                p.getDuration("scheduler.check", Duration.ofMinutes(1)),
                p.getDuration("scheduler.settle", Duration.ofSeconds(60)),
                p.getInt("scheduler.max-hours", 168),
                p.getInt("scheduler.max-runs", 50),
                p.getDuration("scheduler.first-backoff", Duration.ofMinutes(1)),
                p.getDuration("scheduler.max-backoff", Duration.ofHours(1)),
                p.get("scheduler.run-java-options", "-Xmx1g"),
                p.getDuration("scheduler.run-timeout", Duration.ofHours(3)),
                p.get("metrics.host", "127.0.0.1"),
                p.getInt("metrics.port", 0),
                p.getBoolean("scheduler.once", false));
    }
}
