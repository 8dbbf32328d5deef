package io.controlautogeneracion.ingest.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The offsets a {@link DeviceStream} may commit: those after the last record of each batch MongoDB
 * acknowledged, committed at most once per interval, at once when partitions are revoked or the
 * stream ends, and never for a partition the stream no longer owns. Used on the stream's thread
 * only.
 */
final class AcknowledgedOffsets {

    private static final Logger LOG = Logger.getLogger(AcknowledgedOffsets.class);

    private final String name;
    private final Consumer<String, byte[]> consumer;
    private final long intervalNanos;
    private final Map<TopicPartition, OffsetAndMetadata> acknowledged = new HashMap<>();
    private long lastCommitNanos = System.nanoTime();

    AcknowledgedOffsets(String name, Consumer<String, byte[]> consumer, Duration interval) {
        this.name = name;
        this.consumer = consumer;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * The offsets to commit once {@code records} are written: after the last record of each
     * partition. Taken before the write, so that the batch's records are not kept while it waits.
     */
    static Map<TopicPartition, OffsetAndMetadata> after(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> after = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> part = records.records(partition);
            after.put(partition, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
        }
        return after;
    }

    /**
     * Records a written batch by its offsets ({@link #after}). A partition revoked while the write
     * waited is another member's now: its new owner reads on from the last commit, so nothing of it
     * is committed from here.
     */
    void written(Map<TopicPartition, OffsetAndMetadata> after) {
        Set<TopicPartition> owned = consumer.assignment();
        after.forEach(
                (partition, offset) -> {
                    if (owned.contains(partition)) {
                        acknowledged.put(partition, offset);
                    }
                });
    }

    /** Commits asynchronously once the interval since the last commit has passed. */
    void commitIfDue() {
        if (acknowledged.isEmpty() || System.nanoTime() - lastCommitNanos < intervalNanos) {
            return;
        }
        consumer.commitAsync(
                take(),
                (committed, e) -> {
                    if (e != null) {
                        // The next commit carries higher offsets of the same partitions.
                        LOG.warnf("%s: committing %s failed: %s", name, committed, e.toString());
                    }
                });
    }

    /** Commits what is left, synchronously: the stream ends. */
    void commitNow() {
        if (!acknowledged.isEmpty()) {
            commitSync(take());
        }
    }

    /** Before partitions go to another member: their offsets, committed synchronously. */
    void revoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = acknowledged.remove(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        if (!offsets.isEmpty()) {
            try {
                commitSync(offsets);
            } catch (RuntimeException e) {
                LOG.warnf("%s: committing %s at a rebalance failed: %s", name, offsets, e);
            }
        }
    }

    /** Partitions lost (another member may own them already): committing would be refused. */
    void lost(Collection<TopicPartition> partitions) {
        partitions.forEach(acknowledged::remove);
    }

    private Map<TopicPartition, OffsetAndMetadata> take() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(acknowledged);
        acknowledged.clear();
        lastCommitNanos = System.nanoTime();
        return offsets;
    }

    /** A synchronous commit; a wake-up meant for a poll does not cancel it. */
    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            consumer.commitSync(offsets);
        }
    }
}
