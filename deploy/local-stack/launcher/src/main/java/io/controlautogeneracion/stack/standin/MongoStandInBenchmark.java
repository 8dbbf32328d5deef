package io.controlautogeneracion.stack.standin;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import io.controlautogeneracion.stack.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * Measures a MongoDB stand-in backend under the local stack's back-fill: a stand-in process of its
 * own (the stack's heap and collector), ingest-service's indexes, documents like ingest-service's
 * (~450 bytes) inserted with insertMany (unordered, batches of 500) from three threads (one per
 * device topic, as ingest-service's channels), a {@code topic_stats} upsert per batch and a
 * REST-like range query every 2 s; then a stop, a restart, a count and a range query. Prints
 * figures; asserts nothing.
 *
 * <p>Run (after {@code ./mvnw -B -o -pl deploy/local-stack/launcher -am package -DskipTests}):
 * {@code deploy/local-stack/bench/mongo.sh [--backend rocksdb|h2|h2-tuned|memory] [--docs 400000]
 * [--batch 500] [--heap 256m] [--dir DIR] [--kill]} ({@code --kill}: stop with kill -9).
 */
public final class MongoStandInBenchmark {
    private static final String[] TOPICS = {"panel", "sensor-light", "sensor-wind"};

    private MongoStandInBenchmark() {}

    public static void main(String[] args) throws Exception {
        String backend = "rocksdb";
        int docs = 400_000;
        int batch = 500;
        String heap = "256m";
        Path dir = null;
        boolean kill = false;
        int queryEvery = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> backend = args[++i];
                case "--docs" -> docs = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--dir" -> dir = Path.of(args[++i]);
                case "--kill" -> kill = true;
                case "--query-every" -> queryEvery = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("mongo-bench-");
        }
        Files.createDirectories(dir);
        Path data = dir.resolve(backend.startsWith("h2") ? "mongo.h2" : "store");
        System.out.printf(
                "backend %s, %d documents in batches of %d, heap %s, data %s%n",
                backend, docs, batch, heap, data);

        int port = FreePorts.onLoopback();
        Process server = start(backend, data, heap, port);
        long acknowledged;
        try (MongoClient client = MongoClients.create(uri(port))) {
            MongoDatabase db = client.getDatabase("control_autogeneracion");
            createIndexes(db);
            acknowledged = load(db, docs, batch, queryEvery);
            printResources(server, data);
            try {
                db.getCollection("topic").insertOne(message(TOPICS[0], 0, 0, Instant.now()));
                System.out.println("duplicate          accepted (no unique index!)");
            } catch (MongoWriteException e) {
                System.out.println(
                        "duplicate          "
                                + (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                                        ? "E11000 duplicate key"
                                        : e.getMessage()));
            }
        } catch (RuntimeException e) {
            server.destroyForcibly();
            throw e;
        }

        long t0 = System.nanoTime();
        if (kill) {
            server.destroyForcibly();
        } else {
            server.destroy();
        }
        server.waitFor();
        System.out.printf(
                "stop               %.1f s (%s)%n",
                seconds(t0), kill ? "kill -9" : "SIGTERM, clean");
        System.out.printf("file size          %s after stop%n", mib(size(data)));

        t0 = System.nanoTime();
        server = start(backend, data, heap, port);
        try (MongoClient client = MongoClients.create(uri(port))) {
            MongoCollection<Document> topic =
                    client.getDatabase("control_autogeneracion").getCollection("topic");
            // The count command (the collection's own count): an aggregation's count would
            // materialize every document in the stand-in's heap.
            long count = topic.estimatedDocumentCount();
            System.out.printf(
                    "reopen             %.1f s until the first count answered%n", seconds(t0));
            System.out.printf(
                    "count after reopen %d (acknowledged before the stop: %d)%n",
                    count, acknowledged);
            long q = System.nanoTime();
            List<Document> range = rangeQuery(topic, TOPICS[2]);
            System.out.printf(
                    "range query        %d documents in %.2f s%n", range.size(), seconds(q));
            try {
                topic.insertOne(message(TOPICS[0], 0, 0, Instant.now()));
                System.out.println("duplicate          accepted after reopen (no unique index!)");
            } catch (MongoWriteException e) {
                System.out.println(
                        "duplicate          after reopen: "
                                + (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                                        ? "E11000 duplicate key"
                                        : e.getMessage()));
            }
            printResources(server, data);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static long load(MongoDatabase db, int docs, int batch, int queryEvery)
            throws Exception {
        MongoCollection<Document> topic = db.getCollection("topic");
        MongoCollection<Document> stats = db.getCollection("topic_stats");
        AtomicLong inserted = new AtomicLong();
        AtomicLong queries = new AtomicLong();
        AtomicLong queryNanos = new AtomicLong();
        Instant start = Instant.parse("2026-11-26T00:00:00Z");
        long t0 = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(TOPICS.length);
        List<Future<?>> work = new ArrayList<>();
        int perTopic = docs / TOPICS.length;
        for (int t = 0; t < TOPICS.length; t++) {
            String name = TOPICS[t];
            work.add(
                    threads.submit(
                            () -> {
                                Random random = new Random(name.hashCode());
                                for (int offset = 0; offset < perTopic; offset += batch) {
                                    List<Document> documents = new ArrayList<>(batch);
                                    for (int o = offset;
                                            o < Math.min(perTopic, offset + batch);
                                            o++) {
                                        documents.add(
                                                message(name, o % 2, o, start.plusSeconds(o / 2)));
                                    }
                                    try {
                                        topic.insertMany(
                                                documents, new InsertManyOptions().ordered(false));
                                    } catch (MongoBulkWriteException e) {
                                        throw new IllegalStateException(e);
                                    }
                                    stats.bulkWrite(
                                            List.of(
                                                    new UpdateOneModel<>(
                                                            new Document("topic_id", name)
                                                                    .append(
                                                                            "bucket_start",
                                                                            Date.from(
                                                                                    start
                                                                                            .plusSeconds(
                                                                                                    offset
                                                                                                            / 20
                                                                                                            * 10))),
                                                            new Document(
                                                                            "$inc",
                                                                            new Document(
                                                                                            "messages",
                                                                                            documents
                                                                                                    .size())
                                                                                    .append(
                                                                                            "bytes",
                                                                                            450L
                                                                                                    * documents
                                                                                                            .size()))
                                                                    .append(
                                                                            "$max",
                                                                            new Document(
                                                                                    "latency_max_ms",
                                                                                    random.nextInt(
                                                                                            1000)))
                                                                    .append(
                                                                            "$setOnInsert",
                                                                            new Document(
                                                                                    "bucket_seconds",
                                                                                    10)),
                                                            new UpdateOptions().upsert(true))));
                                    long n = inserted.addAndGet(documents.size());
                                    if (n / 100_000 != (n - documents.size()) / 100_000) {
                                        System.out.printf(
                                                "  %,9d inserted, %6.0f inserts/s so far%n",
                                                n, n / seconds(t0));
                                    }
                                }
                                return null;
                            }));
        }
        // A user of the REST API: a range query every queryEvery seconds while the load runs.
        java.util.concurrent.ScheduledExecutorService user =
                Executors.newSingleThreadScheduledExecutor();
        if (queryEvery > 0) {
            user.scheduleWithFixedDelay(
                    () -> {
                        long q = System.nanoTime();
                        rangeQuery(topic, TOPICS[(int) (queries.get() % TOPICS.length)]);
                        queryNanos.addAndGet(System.nanoTime() - q);
                        queries.incrementAndGet();
                    },
                    queryEvery,
                    queryEvery,
                    TimeUnit.SECONDS);
        }
        for (Future<?> f : work) {
            f.get();
        }
        user.shutdownNow();
        user.awaitTermination(60, TimeUnit.SECONDS);
        threads.shutdown();
        double s = seconds(t0);
        System.out.printf(
                "inserted           %d documents in %.1f s: %.0f inserts/s%n",
                inserted.get(), s, inserted.get() / s);
        System.out.printf(
                "range queries      %d during the load, %.0f ms on average%n",
                queries.get(), queries.get() == 0 ? 0 : queryNanos.get() / 1e6 / queries.get());
        return inserted.get();
    }

    /** What the REST API asks: one device's readings of one hour, in event-time order. */
    private static List<Document> rangeQuery(MongoCollection<Document> topic, String name) {
        Instant from = Instant.parse("2026-11-26T01:00:00Z");
        return topic.find(
                        Filters.and(
                                Filters.eq("topic_id", name),
                                Filters.eq("device_id", "D-0007"),
                                Filters.gte("event_time", Date.from(from)),
                                Filters.lt(
                                        "event_time", Date.from(from.plus(Duration.ofHours(1))))))
                .sort(Sorts.ascending("event_time", "partition", "offset"))
                .limit(100)
                .into(new ArrayList<>());
    }

    private static void createIndexes(MongoDatabase db) {
        MongoCollection<Document> topic = db.getCollection("topic");
        topic.createIndex(Indexes.ascending("topic_id", "device_id", "event_time"));
        topic.createIndex(
                Indexes.ascending("timestamp"),
                new IndexOptions()
                        .name("retention_ttl")
                        .expireAfter(30L * 86400, TimeUnit.SECONDS));
        MongoCollection<Document> stats = db.getCollection("topic_stats");
        stats.createIndex(
                Indexes.ascending("topic_id", "bucket_start"),
                new IndexOptions().unique(true).name("topic_bucket"));
        stats.createIndex(
                Indexes.ascending("bucket_start"),
                new IndexOptions()
                        .name("retention_ttl")
                        .expireAfter(30L * 86400, TimeUnit.SECONDS));
    }

    /**
     * A stored message like ingest-service's: its position as its {@code _id} (the collection's one
     * unique index), the reading, the position's fields and the enrichment.
     */
    static Document message(String topicId, int partition, long offset, Instant eventTime) {
        String device = "D-" + String.format("%04d", offset % 40);
        Document value =
                new Document("device_id", device)
                        .append("timestamp", eventTime.toString())
                        .append("value", 1000.0 + offset % 997 / 10.0)
                        .append("unit", topicId.equals("sensor-wind") ? "m/s" : "W")
                        .append("status", "OK");
        return new Document("_id", topicId + "/" + partition + "/" + offset)
                .append("topic_id", topicId)
                .append("timestamp", new Date())
                .append("msg_value", value)
                .append("device_id", device)
                .append("event_time", Date.from(eventTime))
                .append("partition", partition)
                .append("offset", offset)
                .append("client_id", "C-" + (offset % 240))
                .append("name", "Lucía")
                .append("apell_1", "Fernández")
                .append("apell_2", "García")
                .append("address", "Calle de la Energía Solar 12, 3º B")
                .append("postal_code", "28045")
                .append("model", "SunPower Maxeon 6 AC 440W")
                .append("manufacture_date", Date.from(Instant.parse("2024-03-01T00:00:00Z")))
                .append("install_date", Date.from(Instant.parse("2025-05-12T00:00:00Z")))
                .append("enrichment_status", "ok");
    }

    private static Process start(String backend, Path data, String heap, int port)
            throws IOException, InterruptedException {
        List<String> command =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + heap,
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MongoStandIn.class.getName(),
                        "127.0.0.1",
                        Integer.toString(port),
                        backend,
                        data.toString());
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        data.resolveSibling("stand-in.log").toFile()))
                        .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the stand-in exited with "
                                + process.exitValue()
                                + ", see "
                                + data.resolveSibling("stand-in.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return process;
            } catch (IOException notYet) {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the stand-in did not listen within 300 s");
    }

    private static void printResources(Process server, Path data) {
        String heap = "?";
        try {
            Process jcmd =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                            .toString(),
                                    Long.toString(server.pid()),
                                    "GC.heap_info")
                            .redirectErrorStream(true)
                            .start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
            long used = 0;
            while (m.find()) {
                used += Long.parseLong(m.group(2));
            }
            heap = (used / 1024) + " MiB";
        } catch (IOException | InterruptedException e) {
            heap = "? (" + e + ")";
        }
        String rss = "?";
        try {
            rss =
                    Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status"))
                            .stream()
                            .filter(l -> l.startsWith("VmRSS:"))
                            .findFirst()
                            .map(l -> l.substring(6).trim())
                            .orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        System.out.printf(
                "stand-in           heap used %s, RSS %s, data on disk %s%n",
                heap, rss, mib(size(data)));
    }

    private static long size(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String uri(int port) {
        return "mongodb://127.0.0.1:"
                + port
                + "/?serverSelectionTimeoutMS=10000&socketTimeoutMS=120000";
    }
}
