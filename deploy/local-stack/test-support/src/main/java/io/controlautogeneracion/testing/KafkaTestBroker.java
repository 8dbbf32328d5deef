package io.controlautogeneracion.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real KRaft broker (combined with its controller) inside the test JVM, with Kafka's current
 * production features unless told otherwise; and the producers and consumers tests use, for this
 * broker or any other.
 */
public final class KafkaTestBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private KafkaTestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** A broker with Kafka's current production features and the settings of {@link Builder}. */
    public static KafkaTestBroker start() throws Exception {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What the broker starts with: offsets stored on its one replica and no delay before a new
     * consumer group's first rebalance, plus what is asked for.
     */
    public static final class Builder {
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private BootstrapMetadata features;

        private Builder() {
            settings.put("offsets.topic.replication.factor", "1");
            settings.put("group.initial.rebalance.delay.ms", "0");
        }

        /**
         * Transactions on one broker, and the cluster started on transaction protocol 1 (see {@link
         * #useTransactionProtocolV1}), the consumer group protocol as Kafka's default.
         */
        public Builder transactionProtocolV1() {
            features =
                    BootstrapMetadata.fromVersions(
                            MetadataVersion.latestProduction(),
                            Map.of("transaction.version", (short) 1, "group.version", (short) 1),
                            "KafkaTestBroker");
            settings.put("transaction.state.log.replication.factor", "1");
            settings.put("transaction.state.log.min.isr", "1");
            return this;
        }

        /** A broker setting, as in {@code server.properties}. */
        public Builder setting(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        public KafkaTestBroker start() throws Exception {
            TestKitNodes.Builder nodes =
                    features != null
                            ? new TestKitNodes.Builder(features)
                            : new TestKitNodes.Builder()
                                    .setBootstrapMetadataVersion(
                                            MetadataVersion.latestProduction());
            KafkaClusterTestKit.Builder builder =
                    new KafkaClusterTestKit.Builder(
                            nodes.setCombined(true)
                                    .setNumBrokerNodes(1)
                                    .setNumControllerNodes(1)
                                    .build());
            settings.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaTestBroker(cluster);
        }
    }

    public String bootstrap() {
        return cluster.bootstrapServers();
    }

    public void createTopics(Map<String, Integer> partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            admin.createTopics(
                            partitions.entrySet().stream()
                                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                                    .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Sets the cluster's {@code transaction.version} feature to 1. Kafka 4 clusters start on
     * version 2, where flink-connector-kafka 5.0.0 cannot commit a transaction it recovers from a
     * checkpoint (the resumed producer is fenced, FLINK-40689), so a restart would lose the rows of
     * the last checkpoint; the wind job's README asks for version 1 until the connector handles 2.
     */
    public static void useTransactionProtocolV1(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.updateFeatures(
                            Map.of(
                                    "transaction.version",
                                    new FeatureUpdate(
                                            (short) 1, FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)),
                            new UpdateFeaturesOptions())
                    .all()
                    .get();
        }
    }

    /** Sends key/value pairs in order and waits until all are acknowledged. */
    public static void produce(
            String bootstrap, String topic, List<Map.Entry<String, String>> kvs) {
        produce(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, kvs);
    }

    /** As {@link #produce(String, String, List)}, with these client settings (credentials). */
    public static void produce(
            Map<String, Object> client, String topic, List<Map.Entry<String, String>> kvs) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (Map.Entry<String, String> kv : kvs) {
                producer.send(new ProducerRecord<>(topic, kv.getKey(), kv.getValue()));
            }
            producer.flush();
        }
    }

    /** A record to send with the timestamp given, as a broker's clock would have stamped it. */
    public record Stamped(String key, String value, long timestamp) {}

    /** Sends records with their own timestamps, in order, and waits until all are acknowledged. */
    public static void produceStamped(String bootstrap, String topic, List<Stamped> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (Stamped r : records) {
                producer.send(new ProducerRecord<>(topic, null, r.timestamp(), r.key(), r.value()));
            }
            producer.flush();
        }
    }

    /** A consumer of committed records only, as Druid's supervisors read them. */
    public static KafkaConsumer<String, String> committedReader(String bootstrap, String topic) {
        return reader(bootstrap, topic, "read_committed");
    }

    /** A consumer that also sees records of transactions not committed (yet, or ever). */
    public static KafkaConsumer<String, String> uncommittedReader(String bootstrap, String topic) {
        return uncommittedReader(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic);
    }

    /** As {@link #uncommittedReader(String, String)}, with these client settings (credentials). */
    public static KafkaConsumer<String, String> uncommittedReader(
            Map<String, Object> client, String topic) {
        return reader(client, topic, "read_uncommitted");
    }

    private static KafkaConsumer<String, String> reader(
            String bootstrap, String topic, String isolation) {
        return reader(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, isolation);
    }

    private static KafkaConsumer<String, String> reader(
            Map<String, Object> client, String topic, String isolation) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic + "-" + System.nanoTime());
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Whatever one short poll returns. */
    public static List<String> poll(KafkaConsumer<String, String> consumer) {
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            values.add(r.value());
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
