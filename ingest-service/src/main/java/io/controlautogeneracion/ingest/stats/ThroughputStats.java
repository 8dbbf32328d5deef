package io.controlautogeneracion.ingest.stats;

import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.stream.ParsedMessage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory throughput counters per topic and bucket. Each stored message is counted twice: in the
 * open bucket (published whole to Kafka when it closes) and in the pending delta (added to {@code
 * topic_stats} at the next flush, so a restart in the middle of a bucket loses nothing already
 * flushed). No I/O here; {@link StatsFlusher} moves the numbers out.
 */
@Singleton
public class ThroughputStats {

    private record Key(String topic, Instant start) {}

    private final Duration width;
    private final Duration grace;
    private final Map<String, TreeMap<Instant, BucketStats>> open = new HashMap<>();
    private Map<Key, BucketStats> pending = new HashMap<>();

    @Inject
    public ThroughputStats(IngestConfig config) {
        this(config.stats().bucket(), config.stats().closeGrace());
    }

    public ThroughputStats(Duration width, Duration grace) {
        if (width.toMillis() <= 0) {
            throw new IllegalArgumentException("bucket width must be positive, got " + width);
        }
        this.width = width;
        this.grace = grace;
    }

    public Duration width() {
        return width;
    }

    /** Counts the messages of one acknowledged write, all stamped with {@code ingestTime}. */
    public synchronized void record(String topic, Instant ingestTime, List<ParsedMessage> stored) {
        if (stored.isEmpty()) {
            return;
        }
        Instant start = BucketSnapshot.floor(ingestTime, width);
        BucketStats whole = openBucket(topic, start);
        BucketStats delta = pending.computeIfAbsent(new Key(topic, start), k -> new BucketStats());
        for (ParsedMessage message : stored) {
            long latency = message.latencyMillis(ingestTime);
            whole.add(message.bytes(), !message.valid(), latency);
            delta.add(message.bytes(), !message.valid(), latency);
        }
    }

    /**
     * Records the consumer lag seen at {@code now}; this also opens the bucket of an idle topic.
     */
    public synchronized void observeLag(String topic, Instant now, long lag) {
        Instant start = BucketSnapshot.floor(now, width);
        openBucket(topic, start).observeLag(lag);
        pending.computeIfAbsent(new Key(topic, start), k -> new BucketStats()).observeLag(lag);
    }

    /** Takes the counters added since the last call. */
    public synchronized List<BucketSnapshot> drainPending() {
        Map<Key, BucketStats> taken = pending;
        pending = new HashMap<>();
        List<BucketSnapshot> snapshots = new ArrayList<>(taken.size());
        taken.forEach((key, stats) -> snapshots.add(snapshot(key.topic(), key.start(), stats)));
        return snapshots;
    }

    /** Puts back counters whose flush failed, so the next flush carries them. */
    public synchronized void restorePending(List<BucketSnapshot> snapshots) {
        for (BucketSnapshot snapshot : snapshots) {
            pending.computeIfAbsent(
                            new Key(snapshot.topic(), snapshot.start()), k -> new BucketStats())
                    .merge(snapshot.stats());
        }
    }

    /** Removes and returns the buckets that ended at least the grace period before {@code now}. */
    public synchronized List<BucketSnapshot> closeUpTo(Instant now) {
        Instant limit = now.minus(grace).minus(width);
        List<BucketSnapshot> closed = new ArrayList<>();
        open.forEach(
                (topic, buckets) -> {
                    Iterator<Map.Entry<Instant, BucketStats>> it =
                            buckets.headMap(limit, true).entrySet().iterator();
                    while (it.hasNext()) {
                        Map.Entry<Instant, BucketStats> entry = it.next();
                        closed.add(snapshot(topic, entry.getKey(), entry.getValue()));
                        it.remove();
                    }
                });
        return closed;
    }

    /** Removes and returns every open bucket (at shutdown; the last ones are partial). */
    public synchronized List<BucketSnapshot> closeAll() {
        return closeUpTo(Instant.MAX);
    }

    private BucketStats openBucket(String topic, Instant start) {
        return open.computeIfAbsent(topic, t -> new TreeMap<>())
                .computeIfAbsent(start, s -> new BucketStats());
    }

    private BucketSnapshot snapshot(String topic, Instant start, BucketStats stats) {
        return new BucketSnapshot(topic, start, width, stats);
    }
}
