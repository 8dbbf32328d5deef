package io.controlautogeneracion.ingest.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.controlautogeneracion.ingest.stream.ParsedMessage;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ReadingParser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * End-to-end benchmark: preloads N messages per device topic into an in-JVM Kafka broker, measures
 * the raw unordered-bulk-insert rate of the MongoDB stand-in, then runs the packaged service as its
 * own process and measures its sustained rate into MongoDB, its CPU seconds per million messages
 * and its peak RSS. Usage: {@code IngestBenchmark <N per topic> <quarkus-run.jar>}.
 */
public final class IngestBenchmark {

    private static final Logger LOG = Logger.getLogger(IngestBenchmark.class);
    private static final int BATCH = 1000;
    private static final long CLOCK_TICKS = 100;

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        long perTopic = Long.parseLong(args[0]);
        Path jar = Path.of(args[1]);
        long total = perTopic * DeviceKind.values().length;
        try (StandIns standIns = StandIns.start()) {
            // A first, shorter pass warms the stand-in's JIT, as the service's own first batches do.
            rawInsertRate(standIns.mongoConnectionString(), Math.min(perTopic, 50_000));
            double raw = rawInsertRate(standIns.mongoConnectionString(), perTopic);
            preload(standIns.bootstrapServers(), perTopic);
            Result service = runService(jar, standIns, total);
            report(perTopic, raw, service);
        }
        System.exit(0);
    }

    /** Three writers (one per topic, like the service's channels), batches of 1000, unordered. */
    static double rawInsertRate(String mongo, long perTopic) throws Exception {
        try (MongoClient client = MongoClients.create(mongo)) {
            MongoDatabase database = client.getDatabase("bench_raw");
            MongoCollection<Document> collection = database.getCollection("topic");
            collection.createIndex(
                    Indexes.ascending("topic_id", "partition", "offset"),
                    new IndexOptions().unique(true));
            ExecutorService writers = Executors.newFixedThreadPool(3);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (DeviceKind kind : DeviceKind.values()) {
                done.add(writers.submit(() -> insertAll(collection, kind, perTopic)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            writers.shutdown();
            database.drop();
            return perTopic * 3 / seconds;
        }
    }

    /**
     * Inserts {@code count} documents in batches; the documents of a batch are built once (parse +
     * map, like the service) and reused with new offsets, so the timing is the store's, not the
     * client's.
     */
    private static void insertAll(MongoCollection<Document> collection, DeviceKind kind, long count) {
        BenchMessages messages = new BenchMessages(kind.ordinal());
        ReadingParser parser = ReadingParser.withDefaults();
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        Instant now = Instant.now();
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            byte[] payload = messages.message(kind, i, now).getBytes(StandardCharsets.UTF_8);
            ParsedMessage message =
                    new ParsedMessage(kind.defaultTopic(), 0, i, BenchMessages.deviceId(kind, i),
                            payload.length, parser.parse(kind, payload));
            Document document = MessageDocuments.toDocument(message);
            MessageDocuments.stamp(document, now);
            batch.add(document);
        }
        for (long offset = 0; offset < count; offset += BATCH) {
            int size = (int) Math.min(BATCH, count - offset);
            for (int i = 0; i < size; i++) {
                Document document = batch.get(i);
                document.remove("_id");
                document.put(MessageDocuments.OFFSET, offset + i);
            }
            collection.insertMany(batch.subList(0, size), unordered);
        }
    }

    static void preload(String bootstrap, long perTopic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        long start = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (DeviceKind kind : DeviceKind.values()) {
                BenchMessages messages = new BenchMessages(100 + kind.ordinal());
                for (long i = 0; i < perTopic; i++) {
                    String value = messages.message(kind, i, Instant.now());
                    bytes += value.length();
                    producer.send(new ProducerRecord<>(kind.defaultTopic(), BenchMessages.deviceId(kind, i), value));
                }
            }
            producer.flush();
        }
        LOG.infof("preloaded %d messages per topic (%.0f bytes average) in %.1f s", perTopic,
                (double) bytes / (perTopic * 3), (System.nanoTime() - start) / 1e9);
    }

    record Result(double rate, double cpuPerMillion, double cpuTotal, long peakRssKb, double seconds) {}

    static Result runService(Path jar, StandIns standIns, long total) throws Exception {
        File log = jar.getParent().getParent().resolve("bench-service.log").toFile();
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", standIns.bootstrapServers());
        builder.environment().put("QUARKUS_MONGODB_CONNECTION_STRING", standIns.mongoConnectionString());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        Process service = builder.start();
        try (MongoClient client = MongoClients.create(standIns.mongoConnectionString())) {
            MongoDatabase database = client.getDatabase(StandIns.DATABASE);
            long stored = 0;
            long firstStored = -1;
            long startNanos = 0;
            double startCpu = 0;
            long lastReport = System.nanoTime();
            while (stored < total) {
                if (!service.isAlive()) {
                    throw new IllegalStateException("the service stopped; see " + log);
                }
                Thread.sleep(500);
                stored = database.getCollection("topic").estimatedDocumentCount()
                        + database.getCollection("topic_alarm").estimatedDocumentCount();
                if (firstStored < 0 && stored > 0) {
                    firstStored = stored;
                    startNanos = System.nanoTime();
                    startCpu = cpuSeconds(service.pid());
                }
                if (System.nanoTime() - lastReport > 10e9) {
                    LOG.infof("%d of %d stored", stored, total);
                    lastReport = System.nanoTime();
                }
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double cpu = cpuSeconds(service.pid());
            long rss = peakRssKb(service.pid());
            double rate = (total - firstStored) / seconds;
            return new Result(rate, (cpu - startCpu) / ((total - firstStored) / 1e6), cpu, rss, seconds);
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /** utime + stime of a process, from /proc/<pid>/stat (fields 14 and 15). */
    static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    }

    static long peakRssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static void report(long perTopic, double raw, Result service) {
        String report = String.format(Locale.ROOT,
                "%nRESULT N=%d per topic (%d messages, ~2%% invalid)%n"
                        + "RESULT stand-in raw unordered bulk insert: %.0f docs/s%n"
                        + "RESULT service sustained into MongoDB:     %.0f msgs/s (%.0f %% of raw) over %.1f s%n"
                        + "RESULT service CPU: %.1f s per million messages (%.1f s in total, start-up included)%n"
                        + "RESULT service peak RSS: %d MiB%n",
                perTopic, perTopic * 3, raw, service.rate(), 100 * service.rate() / raw,
                service.seconds(), service.cpuPerMillion(), service.cpuTotal(),
                service.peakRssKb() / 1024);
        LOG.info(report);
    }
}
