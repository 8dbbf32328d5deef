package io.controlautogeneracion.ingest.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.controlautogeneracion.catalog.client.CatalogConnection;
import io.controlautogeneracion.catalog.client.testing.CatalogSeed;
import io.controlautogeneracion.stack.standin.CouchbaseStandIn;
import io.controlautogeneracion.testing.KafkaTestBroker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The infrastructure of the component tests: a real KRaft broker in this JVM, an in-process MongoDB
 * stand-in that can be stopped and restarted without losing its data, and the Couchbase stand-in
 * holding the catalog (which can be made to stop answering), plus the clients tests use to feed
 * Kafka, write the catalog and inspect MongoDB.
 */
public final class StandIns implements AutoCloseable {

    public static final String DATABASE = "control_autogeneracion";
    public static final String CATALOG_BUCKET = "catalog";
    static final String CATALOG_PASSWORD = "catalog-test";
    static final List<String> DEVICE_TOPICS = List.of("panel", "sensor-light", "sensor-wind");
    static final int PARTITIONS = 2;
    static final int MAX_MESSAGE_BYTES = 4 << 20;

    private final KafkaTestBroker kafka;
    private final KeptBackend backend = new KeptBackend(new MemoryBackend());
    private final int mongoPort;
    private MongoServer mongo;
    private KafkaProducer<String, String> producer;
    private KafkaProducer<String, byte[]> bytesProducer;
    private Admin admin;
    private MongoClient mongoClient;
    private final CouchbaseStandIn couchbase;
    private CatalogConnection catalogConnection;
    private CatalogSeed catalog;

    StandIns() throws Exception {
        couchbase = CouchbaseStandIn.start(CATALOG_BUCKET, CATALOG_PASSWORD);
        kafka =
                KafkaTestBroker.builder()
                        // Room for messages over the 1 MiB a device message may have.
                        .setting("message.max.bytes", MAX_MESSAGE_BYTES)
                        .start();
        kafka.createTopics(
                DEVICE_TOPICS.stream().collect(Collectors.toMap(t -> t, t -> PARTITIONS)));
        admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()));
        mongo = new MongoServer(backend);
        InetSocketAddress address = mongo.bind();
        mongoPort = address.getPort();
    }

    /** Starts both stand-ins (also used by the benchmark in {@code bench/}). */
    public static StandIns start() throws Exception {
        return new StandIns();
    }

    public String bootstrapServers() {
        return kafka.bootstrap();
    }

    public String mongoConnectionString() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** The service's settings for the catalog stand-in (connection string, bucket, password). */
    public Map<String, String> catalogConfig() {
        return Map.of(
                "ingest.catalog.connection-string", couchbase.connectionString(),
                "ingest.catalog.bucket", CATALOG_BUCKET,
                "ingest.catalog.password", CATALOG_PASSWORD);
    }

    /** Writes a catalog document as catalog-service does (raw JSON under the catalog's key). */
    public synchronized void putCatalog(String key, Object document) {
        if (catalogConnection == null) {
            catalogConnection = CatalogConnection.open(CatalogSeed.settings(couchbase));
            catalog = new CatalogSeed(catalogConnection.collection());
        }
        catalog.put(key, document);
    }

    /** The catalog stops answering key-value reads (they fail until their timeout). */
    public void catalogDown() {
        couchbase.refuseReads();
    }

    /** The catalog answers again, with the documents it had. */
    public void catalogUp() {
        couchbase.answerReads();
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }

    /** Sends raw bytes (not necessarily UTF-8) without waiting; the future gives the offset. */
    public Future<RecordMetadata> sendBytes(String topic, String key, byte[] value) {
        return bytesProducer().send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends raw bytes and waits for the broker's acknowledgement. */
    public RecordMetadata sendBytesAndWait(String topic, String key, byte[] value) {
        try {
            return sendBytes(topic, key, value).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }

    public MongoDatabase database() {
        if (mongoClient == null) {
            mongoClient =
                    MongoClients.create(
                            mongoConnectionString() + "/?serverSelectionTimeoutMS=10000");
        }
        return mongoClient.getDatabase(DATABASE);
    }

    /** Committed offsets of a consumer group. */
    public Map<TopicPartition, OffsetAndMetadata> committed(String groupId) {
        try {
            return admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("listing the offsets of " + groupId + " failed", e);
        }
    }

    /** The end offset of each partition of {@code topic}. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
    }

    /** Every record value of {@code topic}, from the beginning to the current end. */
    public List<String> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props);
    }

    /** Stops the MongoDB stand-in: the port closes and every connection drops. */
    public synchronized void stopMongo() {
        mongo.shutdownNow();
    }

    /** Starts it again on the same port, with the data it had. */
    public synchronized void startMongo() {
        mongo = new MongoServer(backend);
        mongo.bind("127.0.0.1", mongoPort);
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private synchronized KafkaProducer<String, byte[]> bytesProducer() {
        if (bytesProducer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_MESSAGE_BYTES);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            bytesProducer = new KafkaProducer<>(props);
        }
        return bytesProducer;
    }

    @Override
    public void close() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (bytesProducer != null) {
            bytesProducer.close();
        }
        if (mongoClient != null) {
            mongoClient.close();
        }
        admin.close();
        if (catalogConnection != null) {
            catalogConnection.close();
        }
        couchbase.close();
        mongo.shutdownNow();
        backend.closeForGood();
        kafka.close();
    }
}
