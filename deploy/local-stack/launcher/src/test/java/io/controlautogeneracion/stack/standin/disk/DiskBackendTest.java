package io.controlautogeneracion.stack.standin.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RocksDB backend through the real driver: restart, unique indexes, updates, TTL expiry. */
class DiskBackendTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir Path dir;
    private MongoServer server;
    private MongoClient client;
    private DiskBackend backend;

    private MongoCollection<Document> start(DiskBackend.Settings settings) {
        backend = new DiskBackend(dir.resolve("store"), settings, Clock.fixed(NOW, ZoneOffset.UTC));
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        return client.getDatabase("control_autogeneracion").getCollection("topic");
    }

    private MongoCollection<Document> start() {
        return start(DiskBackend.Settings.defaults());
    }

    private void stop() {
        client.close();
        server.shutdown();
        client = null;
        server = null;
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            stop();
        }
    }

    private static Document message(String topic, int partition, long offset, Instant timestamp) {
        return new Document("topic_id", topic)
                .append("partition", partition)
                .append("offset", offset)
                .append("timestamp", Date.from(timestamp))
                .append("msg_value", new Document("power", 1.5 * offset).append("unit", "W"));
    }

    private static void uniqueIndex(MongoCollection<Document> topic) {
        topic.createIndex(
                Indexes.ascending("topic_id", "partition", "offset"),
                new IndexOptions().unique(true).name("topic_partition_offset"));
    }

    @Test
    void shouldKeepDocumentsAndUniqueIndexAcrossARestart() {
        MongoCollection<Document> topic = start();
        uniqueIndex(topic);
        List<Document> batch = new ArrayList<>();
        for (int offset = 0; offset < 1_000; offset++) {
            batch.add(message("panel", offset % 2, offset, NOW));
        }
        topic.insertMany(batch, new InsertManyOptions().ordered(false));
        stop();

        topic = start();
        assertThat(topic.countDocuments()).isEqualTo(1_000);
        assertThat(
                        topic.find(
                                        Filters.and(
                                                Filters.eq("topic_id", "panel"),
                                                Filters.gte("offset", 990)))
                                .sort(Sorts.ascending("offset"))
                                .map(d -> d.get("offset", Number.class).longValue())
                                .into(new ArrayList<>()))
                .containsExactly(990L, 991L, 992L, 993L, 994L, 995L, 996L, 997L, 998L, 999L);
        MongoCollection<Document> reopened = topic;
        assertThatThrownBy(() -> reopened.insertOne(message("panel", 1, 7, NOW)))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e ->
                                assertThat(e.getError().getCategory())
                                        .isEqualTo(ErrorCategory.DUPLICATE_KEY));
        reopened.insertOne(message("panel", 1, 1_001, NOW));
        assertThat(reopened.countDocuments()).isEqualTo(1_001);
    }

    @Test
    void shouldRefuseADuplicateWithinOneInsertManyAndKeepTheRest() {
        MongoCollection<Document> topic = start();
        uniqueIndex(topic);
        List<Document> batch = new ArrayList<>();
        for (int offset = 0; offset < 10; offset++) {
            batch.add(message("panel", 0, offset, NOW));
        }
        batch.add(5, message("panel", 0, 3, NOW)); // a redelivered message inside the batch
        assertThatThrownBy(() -> topic.insertMany(batch, new InsertManyOptions().ordered(false)))
                .isInstanceOfSatisfying(
                        com.mongodb.MongoBulkWriteException.class,
                        e -> {
                            assertThat(e.getWriteErrors()).hasSize(1);
                            assertThat(e.getWriteErrors().get(0).getIndex()).isEqualTo(5);
                            assertThat(e.getWriteErrors().get(0).getCategory())
                                    .isEqualTo(ErrorCategory.DUPLICATE_KEY);
                        });
        assertThat(topic.countDocuments()).isEqualTo(10);
        assertThat(topic.estimatedDocumentCount()).isEqualTo(10);

        // Ordered: stops at the duplicate, keeps what came before it.
        List<Document> ordered =
                List.of(
                        message("panel", 1, 0, NOW),
                        message("panel", 0, 9, NOW),
                        message("panel", 1, 1, NOW));
        assertThatThrownBy(() -> topic.insertMany(ordered))
                .isInstanceOf(com.mongodb.MongoBulkWriteException.class);
        assertThat(topic.countDocuments(Filters.eq("partition", 1))).isEqualTo(1);
        stop();
        assertThat(start().countDocuments()).isEqualTo(11);
    }

    @Test
    void shouldKeepUpsertedDocumentsWithTheirIncrementsAcrossARestart() {
        start();
        MongoCollection<Document> stats =
                client.getDatabase("control_autogeneracion").getCollection("topic_stats");
        stats.createIndex(
                Indexes.ascending("topic_id", "bucket_start"), new IndexOptions().unique(true));
        Document key = new Document("topic_id", "panel").append("bucket_start", Date.from(NOW));
        for (int i = 0; i < 5; i++) {
            stats.updateOne(
                    key,
                    Updates.combine(Updates.inc("messages", 10), Updates.max("latency_max", i)),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
        stop();

        start();
        stats = client.getDatabase("control_autogeneracion").getCollection("topic_stats");
        List<Document> all = stats.find().into(new ArrayList<>());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("messages", Number.class).intValue()).isEqualTo(50);
        assertThat(all.get(0).get("latency_max", Number.class).intValue()).isEqualTo(4);
    }

    @Test
    void shouldExpireDocumentsOfATtlIndexAndTheirIndexEntries() {
        MongoCollection<Document> topic =
                start(
                        new DiskBackend.Settings(
                                8L << 20, 8L << 20, Duration.ofSeconds(1), Duration.ofMillis(100)));
        uniqueIndex(topic);
        topic.createIndex(
                Indexes.ascending("timestamp"),
                new IndexOptions().name("retention_ttl").expireAfter(3_600L, TimeUnit.SECONDS));
        List<Document> batch = new ArrayList<>();
        for (int offset = 0; offset < 300; offset++) {
            // 0–199 ingested two hours ago (expired), 200–299 now.
            batch.add(message("panel", 0, offset, offset < 200 ? NOW.minusSeconds(7_200) : NOW));
        }
        batch.add(
                new Document("topic_id", "panel")
                        .append("partition", 9)
                        .append("offset", 1_000L)
                        .append("timestamp", "not a date"));
        topic.insertMany(batch);

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.countDocuments() == 101);
        assertThat(topic.countDocuments(Filters.lt("offset", 200))).isZero();
        assertThat(topic.countDocuments(Filters.eq("timestamp", "not a date"))).isEqualTo(1);
        // The unique index forgot the expired documents: the same positions can be stored again.
        topic.insertOne(message("panel", 0, 5, NOW));
        assertThat(topic.countDocuments()).isEqualTo(102);
    }

    @Test
    void shouldExpireADocumentBehindUnexpiredOnesAtOnce() {
        MongoCollection<Document> topic = start();
        topic.createIndex(
                Indexes.ascending("timestamp"),
                new IndexOptions().name("retention_ttl").expireAfter(60L, TimeUnit.SECONDS));
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 2 * DiskCollection.EXPIRY_LOOK_AHEAD; i++) {
            batch.add(message("panel", 0, i, NOW));
        }
        batch.add(message("panel", 0, -1, NOW.minusSeconds(3_600)));
        topic.insertMany(batch);

        assertThat(backend.expire(NOW, 10_000)).isEqualTo(1);
        assertThat(topic.countDocuments(Filters.eq("offset", -1))).isZero();
        assertThat(backend.expire(NOW.plusSeconds(120), 500)).isEqualTo(500);
        assertThat(backend.expire(NOW.plusSeconds(120), 10_000))
                .isEqualTo(2 * DiskCollection.EXPIRY_LOOK_AHEAD - 500);
        assertThat(topic.countDocuments()).isZero();
    }

    @Test
    void shouldWalkFromTheOldestDocumentForAUniqueTtlIndexAndStopAtALongRunOfUnexpiredOnes() {
        MongoCollection<Document> topic = start();
        topic.createIndex(
                Indexes.ascending("timestamp"),
                new IndexOptions()
                        .name("retention_ttl")
                        .unique(true)
                        .expireAfter(60L, TimeUnit.SECONDS));
        List<Document> batch = new ArrayList<>();
        batch.add(message("panel", 0, -2, NOW.minusSeconds(7_200)));
        for (int i = 0; i < DiskCollection.EXPIRY_LOOK_AHEAD; i++) {
            batch.add(message("panel", 0, i, NOW.plusMillis(i)));
        }
        batch.add(message("panel", 0, -1, NOW.minusSeconds(3_600)));
        topic.insertMany(batch);

        // The first is found; the last sits behind a run of unexpired documents: it waits.
        assertThat(backend.expire(NOW, 10_000)).isEqualTo(1);
        assertThat(topic.countDocuments(Filters.eq("offset", -1))).isEqualTo(1);
        assertThat(backend.expire(NOW.plusSeconds(120), 10_000))
                .isEqualTo(DiskCollection.EXPIRY_LOOK_AHEAD + 1);
        assertThat(topic.countDocuments()).isZero();
    }

    private static List<Long> offsets(
            MongoCollection<Document> topic, org.bson.conversions.Bson filter) {
        return topic.find(filter)
                .sort(Sorts.ascending("offset"))
                .map(d -> d.get("offset", Number.class).longValue())
                .into(new ArrayList<>());
    }

    private static List<Long> expected(
            java.util.Map<Long, Document> model, java.util.function.Predicate<Document> filter) {
        return model.values().stream()
                .filter(filter)
                .map(d -> d.get("offset", Number.class).longValue())
                .sorted()
                .toList();
    }

    private static Instant eventTime(Document d) {
        return d.get("event_time") instanceof Date date ? date.toInstant() : null;
    }

    @Test
    void shouldAnswerQueriesThroughSecondaryIndexesAsAScanWould() {
        MongoCollection<Document> topic = start();
        uniqueIndex(topic);
        java.util.Map<Long, Document> model = new java.util.TreeMap<>();
        List<Document> batch = new ArrayList<>();
        for (long offset = 0; offset < 3_000; offset++) {
            Document d =
                    message(
                            List.of("panel", "sensor-light", "sensor-wind").get((int) (offset % 3)),
                            0,
                            offset,
                            NOW);
            if (offset % 50 != 7) {
                d.append("device_id", "D-" + offset % 10);
            }
            d.append(
                    "event_time",
                    offset % 97 == 5 ? (Object) "not a date" : Date.from(NOW.plusSeconds(offset)));
            batch.add(d);
            model.put(offset, new Document(d));
        }
        // Half before the index exists (built from the stored documents), half after.
        topic.insertMany(batch.subList(0, 1_500));
        topic.createIndex(Indexes.ascending("topic_id", "device_id", "event_time"));
        topic.createIndex(
                Indexes.ascending("timestamp"),
                new IndexOptions().expireAfter(3_600L * 24 * 30, TimeUnit.SECONDS));
        topic.insertMany(batch.subList(1_500, 3_000));

        Instant from = NOW.plusSeconds(500);
        Instant to = NOW.plusSeconds(2_600);
        Runnable check =
                () -> {
                    assertThat(
                                    offsets(
                                            topic,
                                            Filters.and(
                                                    Filters.eq("topic_id", "panel"),
                                                    Filters.eq("device_id", "D-3"),
                                                    Filters.gte("event_time", Date.from(from)),
                                                    Filters.lt("event_time", Date.from(to)))))
                            .isEqualTo(
                                    expected(
                                            model,
                                            d ->
                                                    d.get("topic_id").equals("panel")
                                                            && "D-3".equals(d.get("device_id"))
                                                            && eventTime(d) != null
                                                            && !eventTime(d).isBefore(from)
                                                            && eventTime(d).isBefore(to)));
                    assertThat(
                                    offsets(
                                            topic,
                                            Filters.and(
                                                    Filters.eq("topic_id", "sensor-wind"),
                                                    Filters.gt("event_time", Date.from(from)))))
                            .isEqualTo(
                                    expected(
                                            model,
                                            d ->
                                                    d.get("topic_id").equals("sensor-wind")
                                                            && eventTime(d) != null
                                                            && eventTime(d).isAfter(from)));
                    assertThat(
                                    offsets(
                                            topic,
                                            Filters.and(
                                                    Filters.eq("topic_id", "sensor-light"),
                                                    Filters.exists("device_id", false))))
                            .isEqualTo(
                                    expected(
                                            model,
                                            d ->
                                                    d.get("topic_id").equals("sensor-light")
                                                            && !d.containsKey("device_id")));
                    assertThat(
                                    offsets(
                                            topic,
                                            Filters.and(
                                                    Filters.eq("topic_id", "panel"),
                                                    Filters.in("device_id", "D-1", "D-2"),
                                                    Filters.lte("event_time", Date.from(to)))))
                            .isEqualTo(
                                    expected(
                                            model,
                                            d ->
                                                    d.get("topic_id").equals("panel")
                                                            && ("D-1".equals(d.get("device_id"))
                                                                    || "D-2"
                                                                            .equals(
                                                                                    d.get(
                                                                                            "device_id")))
                                                            && eventTime(d) != null
                                                            && !eventTime(d).isAfter(to)));
                    assertThat(
                                    offsets(
                                            topic,
                                            Filters.and(
                                                    Filters.eq("topic_id", "panel"),
                                                    Filters.eq("event_time", "not a date"))))
                            .isEqualTo(
                                    expected(
                                            model,
                                            d ->
                                                    d.get("topic_id").equals("panel")
                                                            && "not a date"
                                                                    .equals(d.get("event_time"))));
                };
        check.run();

        // Updates move documents between index entries; removals leave none behind.
        topic.updateMany(
                Filters.and(Filters.eq("topic_id", "panel"), Filters.eq("device_id", "D-3")),
                Updates.set("device_id", "D-2"));
        model.values().stream()
                .filter(d -> d.get("topic_id").equals("panel") && "D-3".equals(d.get("device_id")))
                .forEach(d -> d.put("device_id", "D-2"));
        topic.deleteMany(
                Filters.and(Filters.eq("topic_id", "panel"), Filters.eq("device_id", "D-1")));
        model.values()
                .removeIf(
                        d -> d.get("topic_id").equals("panel") && "D-1".equals(d.get("device_id")));
        check.run();

        stop();
        MongoCollection<Document> reopened = start();
        assertThat(reopened.countDocuments()).isEqualTo(model.size());
        assertThat(
                        offsets(
                                reopened,
                                Filters.and(
                                        Filters.eq("topic_id", "panel"),
                                        Filters.eq("device_id", "D-2"))))
                .isEqualTo(
                        expected(
                                model,
                                d ->
                                        d.get("topic_id").equals("panel")
                                                && "D-2".equals(d.get("device_id"))));
        assertThat(
                        offsets(
                                reopened,
                                Filters.and(
                                        Filters.eq("topic_id", "panel"),
                                        Filters.eq("device_id", "D-1"))))
                .isEmpty();
    }

    @Test
    void shouldAnswerALimitedQueryWithTheFirstMatchesInOrderWhateverTheScan() {
        MongoCollection<Document> topic = start();
        // An index that knows only the topic comes first; the query on topic and status must
        // still be answered right (through the narrower one).
        topic.createIndex(Indexes.ascending("topic_id", "offset"));
        topic.createIndex(Indexes.ascending("status", "topic_id"));
        List<Document> docs = new ArrayList<>();
        for (long offset = 0; offset < 3_000; offset++) {
            Document d = message(offset % 2 == 0 ? "panel" : "sensor-wind", 0, offset, NOW);
            if (offset % 3 == 0) {
                d.append("status", "catalog_unavailable");
            }
            docs.add(d);
        }
        topic.insertMany(docs);

        // A full scan without sort stops after the limit: the first matches in scan order.
        assertThat(offsets(topic.find(Filters.gt("offset", 10L)).limit(5)))
                .containsExactly(11L, 12L, 13L, 14L, 15L);
        // Sorted: the smallest of every match, however many there are, and skip before limit.
        assertThat(
                        offsets(
                                topic.find(Filters.eq("topic_id", "panel"))
                                        .sort(Sorts.descending("offset"))
                                        .skip(2)
                                        .limit(3)))
                .containsExactly(2994L, 2992L, 2990L);
        // Through the index, a missing field included, limited and unlimited.
        assertThat(offsets(topic.find(Filters.eq("status", null)).limit(4)))
                .containsExactly(1L, 2L, 4L, 5L);
        assertThat(topic.countDocuments(Filters.eq("status", null))).isEqualTo(2_000);
        assertThat(
                        offsets(
                                topic.find(
                                                Filters.and(
                                                        Filters.eq("topic_id", "panel"),
                                                        Filters.eq(
                                                                "status", "catalog_unavailable")))
                                        .sort(Sorts.ascending("offset"))
                                        .limit(3)))
                .containsExactly(0L, 6L, 12L);
        assertThat(topic.find(Filters.eq("topic_id", "panel")).into(new ArrayList<>()))
                .hasSize(1_500);
    }

    /** Readings of three topics over {@code n} seconds, three per second (ties in event time). */
    private static List<Document> readings(int n) {
        List<Document> docs = new ArrayList<>();
        for (long offset = 0; offset < n; offset++) {
            docs.add(
                    message(
                                    List.of("panel", "sensor-wind").get((int) (offset % 2)),
                                    (int) (offset % 3),
                                    offset,
                                    NOW)
                            .append("event_time", Date.from(NOW.plusSeconds(offset / 3))));
        }
        return docs;
    }

    private long indexEntries(String indexName) {
        long id = backend.collectionId("control_autogeneracion.topic");
        return backend.count(Keys.secondaryPrefix(id, indexName));
    }

    private static final org.bson.conversions.Bson BY_TIME =
            Indexes.ascending("topic_id", "event_time", "partition", "offset");

    @Test
    void shouldAnswerQueriesWhileAnotherClientCreatesAndDropsIndexes() throws Exception {
        MongoCollection<Document> topic = start();
        topic.insertMany(readings(200));
        for (int i = 0; i < 60; i++) {
            // A longer list for a query to go through while it changes.
            topic.createIndex(Indexes.ascending("g" + i), new IndexOptions().name("g" + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> backend.indexBuildsUnderWay() == 0);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            // Queries hold no lock; each one picks its index among the collection's.
            Future<Integer> answered =
                    reader.submit(
                            () -> {
                                int queries = 0;
                                while (!done.get()) {
                                    topic.find(Filters.eq("topic_id", "panel"))
                                            .into(new ArrayList<>());
                                    queries++;
                                }
                                return queries;
                            });
            for (int i = 0; i < 300; i++) {
                topic.createIndex(Indexes.ascending("f" + i), new IndexOptions().name("f" + i));
                topic.dropIndex("f" + i);
            }
            done.set(true);
            assertThat(answered.get(60, TimeUnit.SECONDS))
                    .as("every query answered (a failed one ends the loop with its error)")
                    .isPositive();
        } finally {
            done.set(true);
            reader.shutdownNow();
        }
    }

    @Test
    void shouldBuildANewIndexOverStoredDocumentsWhileWritesGoOn() {
        MongoCollection<Document> topic = start();
        uniqueIndex(topic);
        List<Document> docs = readings(3 * DiskCollection.BUILD_CHUNK);
        java.util.Map<Long, Document> model = new java.util.TreeMap<>();
        docs.forEach(d -> model.put(d.get("offset", Number.class).longValue(), new Document(d)));
        topic.insertMany(docs.subList(0, 25_000));

        topic.createIndex(BY_TIME, new IndexOptions().name("topic_time"));
        // Writes during the build: new documents, removals and updates of stored ones.
        topic.insertMany(docs.subList(25_000, docs.size()));
        topic.deleteMany(Filters.and(Filters.eq("topic_id", "panel"), Filters.lt("offset", 600L)));
        model.values()
                .removeIf(
                        d ->
                                d.get("topic_id").equals("panel")
                                        && d.get("offset", Number.class).longValue() < 600);
        topic.updateMany(
                Filters.eq("offset", 24_999L),
                Updates.set("event_time", Date.from(NOW.minusSeconds(1))));
        model.get(24_999L).put("event_time", Date.from(NOW.minusSeconds(1)));

        await().atMost(Duration.ofSeconds(60)).until(() -> backend.indexBuildsUnderWay() == 0);
        assertThat(indexEntries("topic_time")).isEqualTo(model.size());
        assertThat(
                        offsets(
                                topic,
                                Filters.and(
                                        Filters.eq("topic_id", "sensor-wind"),
                                        Filters.lt("event_time", Date.from(NOW.plusSeconds(10))))))
                .isEqualTo(
                        expected(
                                model,
                                d ->
                                        d.get("topic_id").equals("sensor-wind")
                                                && eventTime(d).isBefore(NOW.plusSeconds(10))));
    }

    @Test
    void shouldGoOnWithAnIndexBuildCutShortByAStopAtTheNextStart() {
        MongoCollection<Document> topic = start();
        List<Document> docs = readings(DiskCollection.BUILD_CHUNK + 500);
        topic.insertMany(docs);
        DiskBackend first = backend;
        // The store's thread is held until the store closes: the build cannot take a step.
        first.chore(() -> await().atMost(Duration.ofSeconds(60)).until(first::isClosed));
        topic.createIndex(BY_TIME, new IndexOptions().name("topic_time"));
        assertThat(first.indexBuildsUnderWay()).isEqualTo(1);
        stop();

        MongoCollection<Document> reopened = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> backend.indexBuildsUnderWay() == 0);
        assertThat(indexEntries("topic_time")).isEqualTo(docs.size());
        assertThat(
                        offsets(
                                reopened.find(
                                                Filters.and(
                                                        Filters.eq("topic_id", "panel"),
                                                        Filters.gte("event_time", Date.from(NOW))))
                                        .sort(Sorts.ascending("event_time", "partition", "offset"))
                                        .limit(4)))
                .containsExactly(0L, 2L, 4L, 6L);
    }

    @Test
    void shouldPageInSortOrderThroughAnIndexThatGivesTheSortWithTiesInItsFirstKey() {
        MongoCollection<Document> topic = start();
        // The index orders by event time only: ties come in insertion order, not sort order.
        topic.createIndex(Indexes.ascending("topic_id", "event_time"));
        List<Document> docs = readings(3_000);
        // Inserted out of order: the index, not the positions, gives the order.
        java.util.Collections.shuffle(docs, new java.util.Random(7));
        topic.insertMany(docs);
        List<Document> expected =
                docs.stream()
                        .filter(d -> d.get("topic_id").equals("panel"))
                        .filter(d -> !eventTime(d).isBefore(NOW.plusSeconds(100)))
                        .filter(d -> eventTime(d).isBefore(NOW.plusSeconds(900)))
                        .sorted(
                                java.util.Comparator.comparing(DiskBackendTest::eventTime)
                                        .thenComparing(d -> d.getInteger("partition"))
                                        .thenComparing(
                                                d -> d.get("offset", Number.class).longValue()))
                        .toList();

        List<Long> paged = new ArrayList<>();
        Document last = null;
        do {
            List<org.bson.conversions.Bson> filters = new ArrayList<>();
            filters.add(Filters.eq("topic_id", "panel"));
            Date lower =
                    last == null ? Date.from(NOW.plusSeconds(100)) : last.getDate("event_time");
            filters.add(Filters.gte("event_time", lower));
            filters.add(Filters.lt("event_time", Date.from(NOW.plusSeconds(900))));
            if (last != null) {
                Date t = last.getDate("event_time");
                filters.add(
                        Filters.or(
                                Filters.gt("event_time", t),
                                Filters.and(
                                        Filters.eq("event_time", t),
                                        Filters.gt("partition", last.getInteger("partition"))),
                                Filters.and(
                                        Filters.eq("event_time", t),
                                        Filters.eq("partition", last.getInteger("partition")),
                                        Filters.gt(
                                                "offset",
                                                last.get("offset", Number.class).longValue()))));
            }
            List<Document> page =
                    topic.find(Filters.and(filters))
                            .sort(Sorts.ascending("event_time", "partition", "offset"))
                            .limit(7)
                            .into(new ArrayList<>());
            page.forEach(d -> paged.add(d.get("offset", Number.class).longValue()));
            last = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (last != null);

        assertThat(paged)
                .isEqualTo(
                        expected.stream()
                                .map(d -> d.get("offset", Number.class).longValue())
                                .toList());
    }

    private static List<Long> offsets(Iterable<Document> found) {
        List<Long> out = new ArrayList<>();
        found.forEach(d -> out.add(((Number) d.get("offset")).longValue()));
        return out;
    }
}
