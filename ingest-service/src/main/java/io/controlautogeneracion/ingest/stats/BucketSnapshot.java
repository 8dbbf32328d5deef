package io.controlautogeneracion.ingest.stats;

import java.time.Duration;
import java.time.Instant;

/** The counters of {@code topic} over [{@code start}, {@code start + width}). */
public record BucketSnapshot(String topic, Instant start, Duration width, BucketStats stats) {

    /** The start of the bucket of width {@code width} that contains {@code instant}. */
    public static Instant floor(Instant instant, Duration width) {
        long millis = width.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), millis) * millis);
    }

    public Instant end() {
        return start.plus(width);
    }
}
