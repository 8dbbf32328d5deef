package io.controlautogeneracion.ingest.bench;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import io.controlautogeneracion.ingest.testing.StandIns;
import io.controlautogeneracion.model.reading.DeviceKind;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * End-to-end benchmark: preloads N messages per device topic into an in-JVM Kafka broker, measures
 * the raw unordered-bulk-insert rate of the MongoDB stand-in, then runs the packaged service as its
 * own process and measures its sustained rate into MongoDB, its CPU seconds per million messages
 * and its peak RSS. Usage: {@code IngestBenchmark <N per topic> <quarkus-run.jar>}.
 */
public final class IngestBenchmark {

    private static final Logger LOG = Logger.getLogger(IngestBenchmark.class);
    private static final long CLOCK_TICKS = 100;

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        long perTopic = Long.parseLong(args[0]);
        Path jar = Path.of(args[1]);
        long total = perTopic * DeviceKind.values().length;
        try (StandIns standIns = StandIns.start()) {
            double raw = rawInsertRate(standIns.mongoConnectionString(), perTopic);
            preload(standIns.bootstrapServers(), perTopic);
            BenchCatalog.load(standIns);
            Result service = runService(jar, standIns, total);
            report(perTopic, raw, service);
        }
        System.exit(0);
    }

    /**
     * The raw rate, measured by {@link RawInsertClient} in its own process — like the service, so
     * that the client's encoding does not compete with the stand-in inside this JVM.
     */
    static double rawInsertRate(String mongo, long perTopic) throws Exception {
        Path result = Files.createTempFile("raw-insert-rate", ".txt");
        Process client =
                new ProcessBuilder(
                                "java",
                                "-Xmx1g",
                                "-cp",
                                System.getProperty("java.class.path"),
                                RawInsertClient.class.getName(),
                                mongo,
                                String.valueOf(perTopic),
                                result.toString())
                        .inheritIO()
                        .start();
        if (client.waitFor() != 0) {
            throw new IllegalStateException("the raw insert client failed");
        }
        return Double.parseDouble(Files.readString(result).trim());
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
                    producer.send(
                            new ProducerRecord<>(
                                    kind.defaultTopic(), BenchMessages.deviceId(kind, i), value));
                }
            }
            producer.flush();
        }
        LOG.infof(
                "preloaded %d messages per topic (%.0f bytes average) in %.1f s",
                perTopic, (double) bytes / (perTopic * 3), (System.nanoTime() - start) / 1e9);
    }

    record Result(
            double rate,
            double cpuPerMillion,
            double cpuTotal,
            long peakRssKb,
            double seconds,
            String enrichment) {}

    static Result runService(Path jar, StandIns standIns, long total) throws Exception {
        File log = jar.getParent().getParent().resolve("bench-service.log").toFile();
        ProcessBuilder builder =
                new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", standIns.bootstrapServers());
        builder.environment()
                .put("QUARKUS_MONGODB_CONNECTION_STRING", standIns.mongoConnectionString());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        // Enrichment from the catalog stand-in; BENCH_CATALOG_CACHE_TTL=1s keeps the cache cold
        // (every device read from Couchbase again each second) instead of the default 5 min.
        standIns.catalogConfig()
                .forEach(
                        (key, value) ->
                                builder.environment()
                                        .put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        // CouchbaseMock does not answer the SDK's configuration polls: a warning a second.
        builder.environment().put("QUARKUS_LOG_CATEGORY__COM_COUCHBASE_CONFIG__LEVEL", "ERROR");
        String cacheTtl = System.getenv("BENCH_CATALOG_CACHE_TTL");
        if (cacheTtl != null) {
            builder.environment().put("INGEST_CATALOG_CACHE_TTL", cacheTtl);
            builder.environment().put("INGEST_CATALOG_MISSING_TTL", cacheTtl);
        }
        Process service = builder.start();
        try (MongoClient client = MongoClients.create(standIns.mongoConnectionString())) {
            Progress progress =
                    new Progress(service, client.getDatabase(StandIns.DATABASE), total, log);
            await().atMost(Duration.ofHours(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(progress::allStored);
            double seconds = (System.nanoTime() - progress.startNanos) / 1e9;
            double cpu = cpuSeconds(service.pid());
            long rss = peakRssKb(service.pid());
            long measured = total - progress.firstStored;
            String enrichment = enrichment(client.getDatabase(StandIns.DATABASE));
            return new Result(
                    measured / seconds,
                    (cpu - progress.startCpu) / (measured / 1e6),
                    cpu,
                    rss,
                    seconds,
                    enrichment);
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /** Polls the stored count; remembers when (and at what CPU time) the first documents landed. */
    private static final class Progress {
        private final Process service;
        private final MongoDatabase database;
        private final long total;
        private final File log;
        private long firstStored = -1;
        private long startNanos;
        private double startCpu;
        private long lastReport = System.nanoTime();

        Progress(Process service, MongoDatabase database, long total, File log) {
            this.service = service;
            this.database = database;
            this.total = total;
            this.log = log;
        }

        boolean allStored() throws Exception {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped; see " + log);
            }
            long stored =
                    database.getCollection("topic").estimatedDocumentCount()
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
            return stored >= total;
        }
    }

    /** How the stored readings were enriched when the last one was stored: count per status. */
    static String enrichment(MongoDatabase database) {
        StringBuilder counts = new StringBuilder();
        for (Document group :
                database.getCollection("topic")
                        .aggregate(
                                List.of(
                                        Aggregates.group(
                                                "$enrichment_status", Accumulators.sum("n", 1)),
                                        Aggregates.sort(Sorts.ascending("_id"))))) {
            counts.append(counts.length() == 0 ? "" : ", ")
                    .append(group.get("_id"))
                    .append(' ')
                    .append(group.get("n"));
        }
        return "topic documents by enrichment_status: " + counts;
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
        String report =
                String.format(
                        Locale.ROOT,
                        "%nRESULT N=%d per topic (%d messages, ~2%% invalid)%n"
                                + "RESULT stand-in raw unordered bulk insert: %.0f docs/s%n"
                                + "RESULT service sustained into MongoDB:     %.0f msgs/s (%.0f %% of raw) over %.1f s%n"
                                + "RESULT service CPU: %.1f s per million messages (%.1f s in total, start-up included)%n"
                                + "RESULT service peak RSS: %d MiB%n"
                                + "RESULT enrichment: %s%n",
                        perTopic,
                        perTopic * 3,
                        raw,
                        service.rate(),
                        100 * service.rate() / raw,
                        service.seconds(),
                        service.cpuPerMillion(),
                        service.cpuTotal(),
                        service.peakRssKb() / 1024,
                        service.enrichment());
        LOG.info(report);
    }
}
