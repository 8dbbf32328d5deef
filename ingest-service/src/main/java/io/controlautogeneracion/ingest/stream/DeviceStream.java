package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.health.PartitionProgress;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One device topic into MongoDB (StreamingPanel, StreamingSensorLight, StreamingSensorWind): a
 * plain Kafka consumer on a thread of its own that polls a batch, hands it to the {@link
 * IngestPipeline} and commits a partition's offset only up to the last record whose write MongoDB
 * acknowledged.
 *
 * <ul>
 *   <li><b>Back-pressure</b>: one batch at a time. While a write takes longer than the poll timeout
 *       (MongoDB slow or down, the write retried with backoff), the assigned partitions are paused
 *       and the consumer keeps polling, so it stays in its group without fetching more.
 *   <li><b>Offsets</b>: those of acknowledged batches are committed every {@code commit-interval},
 *       when partitions are revoked and at the end; never those of a batch still being written.
 *   <li><b>Lag</b>: read from the consumer's own fetch metadata (no broker request) at most once a
 *       second, also telling {@link PartitionProgress} where each partition ends.
 * </ul>
 *
 * Only its own thread touches the consumer; other threads ask through {@link #onConsumerThread}.
 */
public final class DeviceStream implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeviceStream.class);
    private static final long LAG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Runnable NOTHING = () -> {};

    /** What health checks and the stats read of a stream, from any thread. */
    public enum State {
        STARTING,
        RUNNING,
        STOPPED,
        FAILED
    }

    private final String name;
    private final DeviceKind kind;
    private final String topic;
    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private final IngestPipeline pipeline;
    private final PartitionProgress progress;
    private final IngestConfig.Consumer settings;
    private final Clock clock;
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Map<TopicPartition, OffsetAndMetadata> acknowledged = new HashMap<>();

    private volatile boolean running = true;
    private volatile State state = State.STARTING;
    private volatile boolean joined;
    private volatile long lag = -1;
    private boolean writing;
    private volatile Thread thread;
    private volatile Throwable failure;
    private long lastCommitNanos = System.nanoTime();
    private long lastLagNanos;

    DeviceStream(
            String name,
            DeviceKind kind,
            String topic,
            org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
            IngestPipeline pipeline,
            PartitionProgress progress,
            IngestConfig.Consumer settings,
            Clock clock) {
        this.name = name;
        this.kind = kind;
        this.topic = topic;
        this.consumer = consumer;
        this.pipeline = pipeline;
        this.progress = progress;
        this.settings = settings;
        this.clock = clock;
    }

    /** The consumer properties of a device topic's stream, over the shared {@code kafka.*}. */
    static Map<String, Object> properties(
            Map<String, Object> kafka, String group, IngestConfig.Consumer settings) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put("group.id", group);
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
        properties.put("auto.offset.reset", "earliest");
        properties.put("enable.auto.commit", "false");
        properties.put("max.poll.records", settings.maxPollRecords());
        properties.put("fetch.max.bytes", settings.fetchMaxBytes());
        properties.put("session.timeout.ms", (int) settings.sessionTimeout().toMillis());
        properties.put("heartbeat.interval.ms", (int) settings.heartbeatInterval().toMillis());
        return properties;
    }

    static KafkaConsumer<String, byte[]> consumer(Map<String, Object> properties) {
        return new KafkaConsumer<>(properties);
    }

    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    public State state() {
        return state;
    }

    /** True once the consumer joined its group (an empty assignment counts). */
    public boolean joined() {
        return joined;
    }

    /** The failure that stopped the stream, if one did. */
    public Throwable failure() {
        return failure;
    }

    /** Records between the position and the end of the assigned partitions, -1 while unknown. */
    public long lag() {
        return lag;
    }

    /** Runs {@code task} on the consumer's thread before its next poll. */
    public CompletableFuture<Void> onConsumerThread(
            Consumer<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        tasks.add(
                () -> {
                    try {
                        task.accept(consumer);
                        done.complete(null);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                });
        consumer.wakeup();
        return done;
    }

    /**
     * Runs {@code step} (a step of the batch being written) on the stream's thread: at once when
     * called there, else before its next poll.
     */
    private void execute(Runnable step) {
        if (Thread.currentThread() == thread) {
            step.run();
        } else {
            tasks.add(step);
            consumer.wakeup();
        }
    }

    /** Asks the stream to end: it commits what was acknowledged and closes its consumer. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            state = State.RUNNING;
            while (running) {
                runTasks();
                ConsumerRecords<String, byte[]> records = poll();
                observeLag();
                if (!records.isEmpty()) {
                    ingest(records);
                }
                commit(false);
            }
            state = State.STOPPED;
        } catch (RuntimeException | Error e) {
            failure = e;
            state = State.FAILED;
            LOG.errorf(e, "%s stopped: consuming %s failed", name, topic);
        } finally {
            close();
        }
    }

    /** A poll; a wake-up (a task, a finished write, the stop) is an empty poll. */
    private ConsumerRecords<String, byte[]> poll() {
        try {
            return consumer.poll(settings.pollTimeout());
        } catch (WakeupException e) {
            return ConsumerRecords.empty();
        }
    }

    private void ingest(ConsumerRecords<String, byte[]> records) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        Cancellable write =
                pipeline.ingest(kind, records, this::execute)
                        .subscribe()
                        .with(written::complete, written::completeExceptionally);
        if (!written.isDone()) {
            written.whenComplete((ok, e) -> tasks.add(NOTHING)); // ends a wait in await()
        }
        if (!await(written, settings.pollTimeout())) {
            waitPaused(written, write);
        }
        if (!written.isDone()) {
            return; // stopping: the batch is not acknowledged, its offsets are not committed
        }
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // The pipeline retries store failures until they are acknowledged: this is a bug.
            throw new IllegalStateException(
                    "writing a batch of " + topic + " failed: " + e.getCause(), e.getCause());
        }
        // A partition revoked while the write waited is another member's now: its new owner
        // reads on from the last commit, so nothing of it is committed from here.
        Set<TopicPartition> owned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (!owned.contains(partition)) {
                continue;
            }
            List<ConsumerRecord<String, byte[]>> part = records.records(partition);
            acknowledged.put(
                    partition, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
        }
    }

    /**
     * Waits up to {@code timeout} for the write, running the steps of the batch that come back to
     * this thread meanwhile; true when it ended.
     */
    private boolean await(CompletableFuture<Void> written, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!written.isDone()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Runnable task;
            try {
                task = tasks.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (task != null) {
                task.run();
            }
        }
        return true;
    }

    /**
     * A write that lasts (MongoDB slow or down): polls with every partition paused, so that the
     * consumer stays in its group and fetches nothing, until the write ends or the stream stops.
     */
    private void waitPaused(CompletableFuture<Void> written, Cancellable write) {
        consumer.pause(consumer.assignment());
        writing = true;
        written.whenComplete((ok, e) -> consumer.wakeup());
        try {
            while (!written.isDone() && running) {
                runTasks();
                ConsumerRecords<String, byte[]> unexpected = poll();
                // A partition assigned meanwhile is paused by the listener; should records come
                // anyway, they are fetched again after this batch.
                for (TopicPartition partition : unexpected.partitions()) {
                    consumer.seek(partition, unexpected.records(partition).get(0).offset());
                }
                observeLag();
                commit(false);
            }
            if (!written.isDone()) {
                write.cancel();
            }
        } finally {
            writing = false;
            consumer.resume(consumer.paused());
        }
    }

    /** Commits the acknowledged offsets, at most once per commit interval unless {@code now}. */
    private void commit(boolean now) {
        if (acknowledged.isEmpty()) {
            return;
        }
        long elapsed = System.nanoTime() - lastCommitNanos;
        if (!now && elapsed < settings.commitInterval().toNanos()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(acknowledged);
        acknowledged.clear();
        lastCommitNanos = System.nanoTime();
        if (now) {
            commitSync(offsets);
            return;
        }
        consumer.commitAsync(
                offsets,
                (committed, e) -> {
                    if (e != null) {
                        // The next commit carries higher offsets of the same partitions.
                        LOG.warnf("%s: committing %s failed: %s", name, committed, e.toString());
                    }
                });
    }

    /** A synchronous commit; a wake-up meant for a poll does not cancel it. */
    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            consumer.commitSync(offsets);
        }
    }

    private void observeLag() {
        try {
            readLag();
        } catch (WakeupException e) {
            // A wake-up meant for a poll: the next observation reads the lag.
        }
    }

    private void readLag() {
        long t = System.nanoTime();
        if (t - lastLagNanos < LAG_EVERY_NANOS) {
            return;
        }
        lastLagNanos = t;
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

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void close() {
        try {
            commit(true);
        } catch (RuntimeException e) {
            LOG.warnf("%s: the last commit failed: %s", name, e.toString());
        }
        try {
            consumer.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf("%s: closing the consumer failed: %s", name, e.toString());
        }
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run(); // completes the callers' futures; the consumer is closed, so they fail
        }
    }

    /**
     * Commits what was acknowledged before partitions go; pauses partitions that come mid-write.
     */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
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
            LOG.infof("%s: partitions revoked %s", name, partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (writing) {
                consumer.pause(partitions); // a write is in progress: one batch at a time
            }
            joined = true;
            LOG.infof("%s: partitions assigned %s", name, partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another consumer may own them already: committing would be refused.
            partitions.forEach(acknowledged::remove);
            LOG.warnf("%s: partitions lost %s", name, partitions);
        }
    }
}
