package io.controlautogeneracion.ingest.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Re-aggregates stored buckets of one topic into coarser ones (10 s → 1 min → 1 h). */
public final class StatsAggregation {

    private StatsAggregation() {}

    /** Merges {@code buckets} into buckets of {@code width}, in time order. */
    public static List<BucketSnapshot> rebucket(
            String topic, List<BucketSnapshot> buckets, Duration width) {
        TreeMap<Instant, BucketStats> merged = new TreeMap<>();
        for (BucketSnapshot bucket : buckets) {
            merged.computeIfAbsent(
                            BucketSnapshot.floor(bucket.start(), width), s -> new BucketStats())
                    .merge(bucket.stats());
        }
        List<BucketSnapshot> result = new ArrayList<>(merged.size());
        for (Map.Entry<Instant, BucketStats> entry : merged.entrySet()) {
            result.add(new BucketSnapshot(topic, entry.getKey(), width, entry.getValue()));
        }
        return result;
    }

    /** All of {@code buckets} as one bucket starting at {@code start}. */
    public static BucketSnapshot total(
            String topic, Instant start, Duration width, List<BucketSnapshot> buckets) {
        BucketStats total = new BucketStats();
        buckets.forEach(bucket -> total.merge(bucket.stats()));
        return new BucketSnapshot(topic, start, width, total);
    }
}
