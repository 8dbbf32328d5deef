package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.pipelines.JobParameters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything the hourly batch can be told, built from {@code --key value} arguments or {@code
 * BATCH_*} environment variables (see the module README's table).
 */
public record BatchSettings(
        Path landingDir,
        Path workDir,
        Path stateDir,
        Path tasksDir,
        String panelTopic,
        String lightTopic,
        boolean includeOpen,
        URI druidOverlord,
        URI druidBroker,
        Duration druidTaskTimeout,
        int druidSubTasks,
        String couchbaseConnectionString,
        String couchbaseBucket,
        String couchbaseUsername,
        String couchbasePassword,
        Duration catalogTimeout,
        int catalogCapacity,
        Duration maxGap,
        Duration gapReach,
        double alarmRatio,
        int alarmHistoryDays,
        double alarmMinExpectedWh,
        Duration alarmSilentLookback,
        int parallelism) {

    public static BatchSettings from(JobParameters p) {
        String bucket = p.get("couchbase.bucket", "catalog");
        return new BatchSettings(
                Path.of(p.required("landing.dir")),
                Path.of(p.get("work.dir", p.required("landing.dir") + "/../batch")),
                Path.of(p.get("state.dir", p.required("landing.dir") + "/../batch-state")),
                Path.of(p.get("druid.tasks-dir", "druid/tasks")),
                p.get("topic.panel", "panel"),
                p.get("topic.light", "sensor-light"),
                p.getBoolean("include-open", false),
                URI.create(p.required("druid.overlord")),
                URI.create(p.required("druid.broker")),
                p.getDuration("druid.task-timeout", Duration.ofMinutes(10)),
                p.getInt("druid.sub-tasks", 1),
                p.required("couchbase.connection-string"),
                bucket,
                p.get("couchbase.username", bucket),
                p.required("couchbase.password"),
                p.getDuration("catalog.timeout", Duration.ofSeconds(30)),
                p.getInt("catalog.capacity", 500),
                p.getDuration("max-gap", Duration.ofMinutes(15)),
                p.getDuration("gap.reach", Duration.ofHours(48)),
                p.getDouble("alarm.ratio", 0.7),
                p.getInt("alarm.history-days", 7),
                p.getDouble("alarm.min-expected-wh", 10.0),
                p.getDuration("alarm.silent-lookback", Duration.ofHours(24)),
                p.getInt("parallelism", -1));
    }

    /** The run's hours: {@code --from}/{@code --to}, {@code --hour}, else the last closed hour. */
    public static HourRange range(JobParameters p, Instant now) {
        Instant hour = p.getInstant("hour");
        Instant from = p.getInstant("from");
        if (from != null) {
            p.required("to");
        }
        try {
            if (hour != null) {
                return HourRange.hour(hour);
            }
            if (from != null) {
                return new HourRange(from, p.getInstant("to"));
            }
        } catch (IllegalArgumentException e) {
            throw new JobParameters.BadParameter(e.getMessage());
        }
        return HourRange.lastClosed(now);
    }

    public CouchbaseBatchCatalog.Factory catalogFactory() {
        Duration ttl = Duration.ofMinutes(30);
        return new CouchbaseBatchCatalog.Factory(
                new CatalogClientSettings(
                        couchbaseConnectionString,
                        couchbaseUsername,
                        couchbasePassword,
                        couchbaseBucket,
                        200_000,
                        ttl,
                        // A batch run reads a settled catalog: absent stays absent.
                        ttl,
                        Duration.ofSeconds(5)));
    }
}
