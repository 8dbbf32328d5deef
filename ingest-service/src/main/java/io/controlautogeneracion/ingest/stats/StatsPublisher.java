package io.controlautogeneracion.ingest.stats;

import io.controlautogeneracion.ingest.IngestConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes closed throughput buckets to the Kafka stats topic that Druid ingests, one JSON row
 * each, keyed by device topic: one idempotent producer over the shared {@code kafka.*} settings, as
 * the device streams' consumers are built. A row the broker does not take is logged with its
 * bucket; the same counts are in MongoDB's {@code topic_stats}, which is the store of record.
 */
@ApplicationScoped
public class StatsPublisher {

    private static final Logger LOG = Logger.getLogger(StatsPublisher.class);
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(5);

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public StatsPublisher(
            @Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this.topic = config.stats().topic();
        this.producer = new KafkaProducer<>(properties(kafka));
    }

    static Map<String, Object> properties(Map<String, Object> kafka) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        properties.put("acks", "all");
        properties.put("enable.idempotence", true);
        properties.put("client.id", "ingest-topic-stats");
        return properties;
    }

    /** Sends {@code row} keyed by {@code key}; {@code what} names it in a failure's log line. */
    public void publish(String key, String row, String what) {
        producer.send(
                new ProducerRecord<>(topic, key, row),
                (metadata, failure) -> {
                    if (failure != null) {
                        LOG.warnf("publishing %s failed: %s", what, failure.toString());
                    }
                });
    }

    /** After the last flush (a shutdown observer), what was sent is delivered, within a bound. */
    @PreDestroy
    void close() {
        producer.close(CLOSE_BOUND);
    }
}
