package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.health.PartitionProgress;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
 *   <li><b>Offsets</b>: see {@link AcknowledgedOffsets}; never those of a batch still being
 *       written.
 *   <li><b>Lag</b>: see {@link StreamLag}.
 * </ul>
 *
 * Only its own thread touches the consumer; other threads ask through {@link #onConsumerThread}.
 */
public final class DeviceStream implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeviceStream.class);
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
    private final IngestConfig.Consumer settings;
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final AcknowledgedOffsets offsets;
    private final StreamLag lag;
    private DocumentArena documents = new DocumentArena();

    private volatile boolean running = true;
    private volatile State state = State.STARTING;
    private volatile boolean joined;
    private boolean writing;
    private volatile Thread thread;
    private volatile Throwable failure;

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
        this.settings = settings;
        this.offsets = new AcknowledgedOffsets(name, consumer, settings.commitInterval());
        this.lag = new StreamLag(topic, consumer, progress, clock);
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
        return lag.lag();
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
                Batch batch = next();
                if (batch != null) {
                    write(batch);
                }
                offsets.commitIfDue();
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

    /** A polled batch, parsed: its write, and the offsets to commit once it is written. */
    private record Batch(Uni<Void> write, Map<TopicPartition, OffsetAndMetadata> after) {}

    /**
     * The next batch, parsed, or null when the poll brought none. The records are left here: each
     * message's own data is in the pipeline's parsed messages, so while the write waits nothing
     * keeps the records (their objects die young instead of being copied by every young collection
     * of the write).
     */
    private Batch next() {
        ConsumerRecords<String, byte[]> records = poll();
        lag.observe();
        if (records.isEmpty()) {
            return null;
        }
        return new Batch(
                pipeline.ingest(kind, records, this::execute, documents.next()),
                AcknowledgedOffsets.after(records));
    }

    private void write(Batch batch) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        Cancellable write =
                batch.write().subscribe().with(written::complete, written::completeExceptionally);
        if (!written.isDone()) {
            written.whenComplete((ok, e) -> tasks.add(NOTHING)); // ends a wait in await()
        }
        if (!await(written, settings.pollTimeout())) {
            waitPaused(written, write);
        }
        if (!written.isDone()) {
            // Stopping: the batch is not acknowledged, its offsets are not committed; what is left
            // of its write keeps its documents.
            documents = new DocumentArena();
            return;
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
        offsets.written(batch.after());
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
                lag.observe();
                offsets.commitIfDue();
            }
            if (!written.isDone()) {
                write.cancel();
            }
        } finally {
            writing = false;
            consumer.resume(consumer.paused());
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
            offsets.commitNow();
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

    /** Hands revoked and lost partitions to the offsets; pauses partitions that come mid-write. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            offsets.revoked(partitions);
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
            offsets.lost(partitions);
            LOG.warnf("%s: partitions lost %s", name, partitions);
        }
    }
}
