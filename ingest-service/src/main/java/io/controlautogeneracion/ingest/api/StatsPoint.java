package io.controlautogeneracion.ingest.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.controlautogeneracion.ingest.stats.BucketSnapshot;
import io.controlautogeneracion.ingest.stats.BucketStats;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** One (re-aggregated) throughput bucket; latency fields are null when no message had one. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatsPoint(
        Instant bucketStart,
        long bucketSeconds,
        long messages,
        long bytes,
        long invalid,
        Double latencyAvgMs,
        Long latencyP95Ms,
        Long latencyMaxMs,
        Long lag) {

    public static StatsPoint of(BucketSnapshot bucket) {
        BucketStats stats = bucket.stats();
        boolean latency = stats.latencyCount() > 0;
        return new StatsPoint(
                bucket.start(),
                bucket.width().toSeconds(),
                stats.messages(),
                stats.bytes(),
                stats.invalid(),
                latency ? stats.latencyAvgMillis() : null,
                latency ? stats.latencyP95Millis() : null,
                latency ? stats.latencyMaxMillis() : null,
                stats.lag() >= 0 ? stats.lag() : null);
    }
}
