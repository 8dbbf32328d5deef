package io.controlautogeneracion.ingest.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.ingest.store.MongoIndexes;
import io.controlautogeneracion.ingest.store.StatsRepository;
import io.controlautogeneracion.ingest.stream.DeviceStream;
import io.controlautogeneracion.ingest.stream.DeviceStreams;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Moves the in-memory throughput counters out, every flush interval: observes each device topic's
 * lag, adds the pending deltas to {@code topic_stats} (put back when MongoDB is down, so nothing is
 * lost), and publishes each closed bucket to the Kafka stats topic that Druid ingests.
 */
@ApplicationScoped
public class StatsFlusher {

    private static final Logger LOG = Logger.getLogger(StatsFlusher.class);
    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(5);

    private final ThroughputStats stats;
    private final StatsRepository repository;
    private final MongoIndexes indexes;
    private final DeviceStreams streams;
    private final Clock clock;
    private final StatsPublisher druid;
    private final ObjectMapper json;

    public StatsFlusher(
            ThroughputStats stats,
            StatsRepository repository,
            MongoIndexes indexes,
            DeviceStreams streams,
            Clock clock,
            StatsPublisher druid,
            ObjectMapper json) {
        this.stats = stats;
        this.repository = repository;
        this.indexes = indexes;
        this.streams = streams;
        this.clock = clock;
        this.druid = druid;
        this.json = json;
    }

    // Not before the end of start-up.
    @Scheduled(
            every = "${ingest.stats.flush-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = AfterStartup.class)
    Uni<Void> flush() {
        observeLag();
        return addPending().invoke(() -> publish(stats.closeUpTo(clock.instant())));
    }

    /** Publishes the last (partial) buckets and writes the last deltas, bounded in time. */
    void onStop(@Observes ShutdownEvent event) {
        try {
            publish(stats.closeAll());
            addPending().await().atMost(SHUTDOWN_BOUND);
        } catch (RuntimeException e) {
            LOG.warnf("final flush of topic_stats did not finish: %s", e.toString());
        }
    }

    /** The latest lag of each device topic, read from its stream (no broker request). */
    private void observeLag() {
        for (DeviceStream stream : streams.all()) {
            long lag = stream.lag();
            if (lag >= 0) {
                stats.observeLag(stream.topic(), clock.instant(), lag);
            }
        }
    }

    private Uni<Void> addPending() {
        List<BucketSnapshot> deltas = stats.drainPending();
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return indexes.ready()
                .chain(() -> repository.add(deltas))
                .onFailure()
                .recoverWithUni(
                        e -> {
                            stats.restorePending(deltas);
                            LOG.warnf(
                                    "writing topic_stats failed, kept for the next flush: %s",
                                    e.toString());
                            return Uni.createFrom().voidItem();
                        });
    }

    private void publish(List<BucketSnapshot> closed) {
        for (BucketSnapshot bucket : closed) {
            String row;
            try {
                row = json.writeValueAsString(StatsDocuments.toDruidRow(bucket));
            } catch (JsonProcessingException e) {
                LOG.errorf(e, "cannot write the %s bucket of %s", bucket.start(), bucket.topic());
                continue;
            }
            druid.publish(
                    bucket.topic(), row, "the " + bucket.start() + " bucket of " + bucket.topic());
        }
    }
}
