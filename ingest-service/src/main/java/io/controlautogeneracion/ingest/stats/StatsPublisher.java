package io.controlautogeneracion.ingest.stats;

import io.controlautogeneracion.ingest.IngestConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes closed throughput buckets to the Kafka stats topic that Druid ingests, one JSON row
 * each, keyed by device topic: one idempotent producer over the shared {@code kafka.*} settings, as
 * the device streams' consumers are built. The producer is called from a thread of its own, in the
 * order the rows come: its {@code send} blocks while the broker's metadata is unknown (a Kafka
 * outage), which must not stop the caller (the flush runs on an event loop). A row the broker has
 * not taken within the producer's delivery timeout is logged with its bucket; the same counts are
 * in MongoDB's {@code topic_stats}, which is the store of record.
 */
@ApplicationScoped
public class StatsPublisher {

    private static final Logger LOG = Logger.getLogger(StatsPublisher.class);
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(5);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final ExecutorService sender =
            Executors.newSingleThreadExecutor(
                    task -> {
                        Thread thread = new Thread(task, "topic-stats-publisher");
                        thread.setDaemon(true);
                        return thread;
                    });

    @Inject
    public StatsPublisher(
            @Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this(kafka, config.stats().topic());
    }

    StatsPublisher(Map<String, Object> kafka, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(properties(kafka));
    }

    static Map<String, Object> properties(Map<String, Object> kafka) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        properties.put("acks", "all");
        properties.put("enable.idempotence", true);
        properties.put("client.id", "ingest-topic-stats");
        // A row is a few hundred bytes, three every bucket: no need for the default 32 MiB.
        properties.put("buffer.memory", 1024 * 1024);
        return properties;
    }

    /** Sends {@code row} keyed by {@code key}; {@code what} names it in a failure's log line. */
    public void publish(String key, String row, String what) {
        sender.execute(() -> send(key, row, what));
    }

    private void send(String key, String row, String what) {
        try {
            producer.send(
                    new ProducerRecord<>(topic, key, row),
                    (metadata, failure) -> {
                        if (failure != null) {
                            LOG.warnf("publishing %s failed: %s", what, failure.toString());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.warnf("publishing %s failed: %s", what, e.toString());
        }
    }

    /** After the last flush (a shutdown observer), what was sent is delivered, within a bound. */
    @PreDestroy
    void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("rows for %s still waiting for Kafka at shutdown", topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_BOUND);
    }
}
