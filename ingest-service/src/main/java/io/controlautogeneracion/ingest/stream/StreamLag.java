package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.health.PartitionProgress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A {@link DeviceStream}'s consumer lag, read from the consumer's own fetch metadata (no broker
 * request) at most once a second on the stream's thread, and readable from any thread. Each reading
 * also tells {@link PartitionProgress} where every assigned partition ends.
 */
final class StreamLag {

    private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String topic;
    private final Consumer<String, byte[]> consumer;
    private final PartitionProgress progress;
    private final Clock clock;
    private volatile long lag = -1;
    private long lastNanos;

    StreamLag(
            String topic,
            Consumer<String, byte[]> consumer,
            PartitionProgress progress,
            Clock clock) {
        this.topic = topic;
        this.consumer = consumer;
        this.progress = progress;
        this.clock = clock;
    }

    /** Records between the position and the end of the assigned partitions, -1 while unknown. */
    long lag() {
        return lag;
    }

    /** Reads the lag again if a second has passed since the last reading (the stream's thread). */
    void observe() {
        long now = System.nanoTime();
        if (now - lastNanos < EVERY_NANOS) {
            return;
        }
        lastNanos = now;
        try {
            read();
        } catch (WakeupException e) {
            // A wake-up meant for a poll: the next observation reads the lag.
        }
    }

    private void read() {
        long summed = -1;
        Map<Integer, Long> ends = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            long end = -1;
            if (partitionLag.isPresent()) {
                summed = Math.max(summed, 0) + partitionLag.getAsLong();
                // With a lag known the position is too: no broker request.
                end = consumer.position(partition) + partitionLag.getAsLong();
            }
            ends.put(partition.partition(), end);
        }
        lag = summed;
        if (!ends.isEmpty()) {
            progress.observe(topic, ends, clock.instant());
        }
    }
}
