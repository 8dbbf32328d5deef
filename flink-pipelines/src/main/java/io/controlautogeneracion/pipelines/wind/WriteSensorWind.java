package io.controlautogeneracion.pipelines.wind;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.lineage.DefaultKafkaDatasetFacet;
import org.apache.flink.connector.kafka.lineage.DefaultKafkaDatasetIdentifier;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacet;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacetProvider;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.connector.kafka.sink.TransactionNamingStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Seed process WriteSensorWind: the exactly-once Kafka sinks of {@code wind_reading} and {@code
 * wind_alarm}, which Druid ingests with {@code read_committed} supervisors. Rows become visible
 * when the checkpoint that covers them completes, and a restart aborts what was written after it,
 * so a replay adds no duplicates.
 */
public final class WriteSensorWind {
    private WriteSensorWind() {}

    /** Sink of {@code wind_reading}, keyed by {@code wind_id}. */
    public static KafkaSink<WindSecond> readings(
            String bootstrap,
            Map<String, String> properties,
            String topic,
            String transactionalIdPrefix,
            Duration txTimeout) {
        return sink(
                bootstrap,
                properties,
                transactionalIdPrefix + "-wind-reading",
                txTimeout,
                new Rows<>(topic, WindSecond::windId, DruidRowJson::readingRow));
    }

    /** Sink of {@code wind_alarm}, keyed by {@code wind_id}. */
    public static KafkaSink<WindAlarm> alarms(
            String bootstrap,
            Map<String, String> properties,
            String topic,
            String transactionalIdPrefix,
            Duration txTimeout) {
        return sink(
                bootstrap,
                properties,
                transactionalIdPrefix + "-wind-alarm",
                txTimeout,
                new Rows<>(topic, WindAlarm::windId, DruidRowJson::alarmRow));
    }

    private static <T> KafkaSink<T> sink(
            String bootstrap,
            Map<String, String> properties,
            String transactionalId,
            Duration txTimeout,
            KafkaRecordSerializationSchema<T> rows) {
        KafkaSinkBuilder<T> builder = KafkaSink.<T>builder();
        // The deployment's client settings (security) first: the sink's own below win.
        properties.forEach(builder::setProperty);
        return builder.setBootstrapServers(bootstrap)
                .setRecordSerializer(rows)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalId)
                // A small pool of transactional ids recycled once their commit is confirmed,
                // instead of one new id per checkpoint.
                .setTransactionNamingStrategy(TransactionNamingStrategy.POOLING)
                // Must stay under the broker's transaction.max.timeout.ms (15 min by default), and
                // bounds how long a crashed job's open transaction holds read_committed readers.
                .setProperty("transaction.timeout.ms", Long.toString(txTimeout.toMillis()))
                .build();
    }

    /** A row serialised by {@link DruidRowJson}, keyed by its anemometer. */
    private record Rows<T>(
            String topic,
            SerializableFunction<T, String> key,
            SerializableFunction<T, byte[]> value)
            implements KafkaRecordSerializationSchema<T>, KafkaDatasetFacetProvider {

        /** The topic written, which the POOLING strategy needs to find its open transactions. */
        @Override
        public Optional<KafkaDatasetFacet> getKafkaDatasetFacet() {
            return Optional.of(
                    new DefaultKafkaDatasetFacet(
                            DefaultKafkaDatasetIdentifier.ofTopics(List.of(topic))));
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                T element, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(
                    topic,
                    null,
                    timestamp,
                    key.apply(element).getBytes(StandardCharsets.UTF_8),
                    value.apply(element));
        }
    }

    /** A function Flink can ship to the task managers. */
    interface SerializableFunction<A, B> extends Function<A, B>, java.io.Serializable {}
}
