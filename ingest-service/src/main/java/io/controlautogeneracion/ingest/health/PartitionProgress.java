package io.controlautogeneracion.ingest.health;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far each assigned partition has been written, and since when it has made no progress while
 * messages were waiting. Fed by the pipeline (a batch received, a batch written) and by the
 * consumer's lag observations (the end of each partition); read by {@link IngestProgressCheck}. No
 * I/O here.
 */
@Singleton
public class PartitionProgress {

    /** A partition with messages waiting and no write for longer than the stall timeout. */
    public record Stall(String topic, int partition, long offset, long waiting, Duration idle) {}

    private record Key(String topic, int partition) {}

    private static final class State {
        /** The first offset not written yet; -1 until a batch was received or written. */
        long nextToWrite = -1;

        /** The end of the partition at the last observation; -1 until observed. */
        long end = -1;

        Instant lastProgress;

        State(Instant now) {
            lastProgress = now;
        }

        long waiting() {
            return end < 0 || nextToWrite < 0 ? 0 : Math.max(0, end - nextToWrite);
        }
    }

    private final Map<Key, State> partitions = new HashMap<>();

    /** A batch starting at {@code firstOffset} arrived for the partition. */
    public synchronized void received(String topic, int partition, long firstOffset, Instant now) {
        State state = state(topic, partition, now);
        if (state.nextToWrite < 0) {
            state.nextToWrite = firstOffset;
        }
    }

    /** Everything up to {@code lastOffset} of the partition is stored. */
    public synchronized void written(String topic, int partition, long lastOffset, Instant now) {
        State state = state(topic, partition, now);
        state.nextToWrite = Math.max(state.nextToWrite, lastOffset + 1);
        state.lastProgress = now;
    }

    /**
     * The partitions of {@code topic} assigned to the consumer, each with its end offset (position
     * plus lag, -1 when not known yet); partitions no longer assigned are forgotten.
     */
    public synchronized void observe(String topic, Map<Integer, Long> ends, Instant now) {
        Set<Integer> assigned = ends.keySet();
        partitions
                .keySet()
                .removeIf(k -> k.topic().equals(topic) && !assigned.contains(k.partition()));
        ends.forEach(
                (partition, end) -> {
                    State state = state(topic, partition, now);
                    if (end >= 0) {
                        state.end = end;
                    }
                    if (state.waiting() == 0) {
                        state.lastProgress = now;
                    }
                });
    }

    /** The partitions stalled at {@code now}, the longest idle first. */
    public synchronized List<Stall> stalled(Instant now, Duration timeout) {
        List<Stall> stalls = new ArrayList<>();
        partitions.forEach(
                (key, state) -> {
                    Duration idle = Duration.between(state.lastProgress, now);
                    if (state.waiting() > 0 && idle.compareTo(timeout) > 0) {
                        stalls.add(
                                new Stall(
                                        key.topic(),
                                        key.partition(),
                                        state.nextToWrite,
                                        state.waiting(),
                                        idle));
                    }
                });
        stalls.sort(Comparator.comparing(Stall::idle).reversed());
        return stalls;
    }

    private State state(String topic, int partition, Instant now) {
        return partitions.computeIfAbsent(new Key(topic, partition), k -> new State(now));
    }
}
