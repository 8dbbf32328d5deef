package io.controlautogeneracion.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoClients;
import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.controlautogeneracion.ingest.testing.IngestConfigs;
import io.quarkus.mongodb.impl.ReactiveMongoClientImpl;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * What only a real MongoDB does: TTL expiry, and the indexes as the server reports them. Runs where
 * Docker exists (the GitHub workflow); skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoRealServerTest {

    private static final String DATABASE = "ingest_it";

    @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static ReactiveMongoClient client;
    private static com.mongodb.client.MongoClient syncClient;

    @BeforeAll
    static void connect() {
        client = new ReactiveMongoClientImpl(MongoClients.create(MONGO.getConnectionString()));
        syncClient = com.mongodb.client.MongoClients.create(MONGO.getConnectionString());
    }

    @AfterAll
    static void close() {
        client.close();
        syncClient.close();
    }

    @Test
    void shouldGuardByPositionCreateTheTtlIndexesAndChangeTheTtlInPlace() {
        createIndexes(DATABASE, "P30D");
        assertThat(ttlSeconds(MessageRepository.READINGS))
                .isEqualTo(Duration.ofDays(30).toSeconds());
        assertThat(indexes(MessageRepository.READINGS))
                .noneSatisfy(
                        index ->
                                assertThat(index.getString("name"))
                                        .isEqualTo(MongoIndexes.LEGACY_GUARD));

        createIndexes(DATABASE, "P7D");
        assertThat(ttlSeconds(MessageRepository.READINGS))
                .isEqualTo(Duration.ofDays(7).toSeconds());

        MessageInserts inserts = new MessageInserts(syncClient, DATABASE);
        List<Document> twice = List.of(reading(1), reading(1), reading(2));
        MessageInserts.Outcomes outcomes = inserts.insert(raw(twice), List.of());
        assertThat(outcomes.readings().duplicates()).containsExactly(1);
    }

    @Test
    void shouldFindExactlyTheGeneratedIdsOfAnOlderStoreThroughTheIdIndex() {
        String database = DATABASE + "_legacy";
        MongoCollection<Document> readings =
                syncClient.getDatabase(database).getCollection(MessageRepository.READINGS);
        readings.insertMany(
                List.of(
                        reading(1).append("_id", new ObjectId()),
                        reading(2),
                        reading(3).append("_id", 3L)));
        Document plan =
                readings.find(MongoIndexes.legacyIds())
                        .explain()
                        .get("queryPlanner", Document.class);

        assertThat(readings.countDocuments(MongoIndexes.legacyIds())).isEqualTo(1);
        assertThat(plan.toJson()).contains("IXSCAN").doesNotContain("COLLSCAN");
    }

    @Test
    void shouldReportADocumentTheServerRefusesAndStoreTheOthers() {
        String database = DATABASE + "_refused";
        MessageInserts inserts = new MessageInserts(syncClient, database);
        Document deep = new Document("leaf", 1);
        for (int i = 0; i < 120; i++) {
            deep = new Document("d", deep);
        }
        Document dotted = reading(22).append("msg_value", new Document("a.b", 1));
        List<Document> documents =
                List.of(reading(21), reading(23).append("msg_value", deep), dotted);
        MessageInserts.Outcomes outcomes = inserts.insert(raw(documents), List.of());
        assertThat(outcomes.readings().refused()).containsOnlyKeys(1);
        assertThat(count(database)).as("the shallow one and the dotted name").isEqualTo(2);
    }

    @Test
    void shouldExpireMessagesOlderThanTheRetention() {
        String database = DATABASE + "_ttl";
        createIndexes(database, "PT1S");
        MessageInserts inserts = new MessageInserts(syncClient, database);
        Document old = reading(10).append("timestamp", Date.from(Instant.now().minusSeconds(3600)));
        inserts.insert(raw(List.of(old)), List.of());
        // The TTL monitor runs once a minute.
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> count(database) == 0);
    }

    @Test
    void shouldServeAPageOfEveryDeviceOfATopicFromOneIndexWithoutSorting() {
        String database = DATABASE + "_page";
        createIndexes(database, "P7D");
        Instant from = Instant.parse("2026-12-04T00:00:00Z");
        Document find =
                new Document("find", MessageRepository.READINGS)
                        .append(
                                "filter",
                                new Document("topic_id", "panel")
                                        .append(
                                                "event_time",
                                                new Document("$gte", Date.from(from))
                                                        .append(
                                                                "$lt",
                                                                Date.from(
                                                                        from.plus(
                                                                                Duration.ofDays(
                                                                                        1))))))
                        .append(
                                "sort",
                                new Document("event_time", 1)
                                        .append("partition", 1)
                                        .append("offset", 1))
                        .append("limit", 101);
        String plan =
                client.getDatabase(database)
                        .runCommand(
                                new Document("explain", find).append("verbosity", "queryPlanner"))
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .get("queryPlanner", Document.class)
                        .toJson();
        assertThat(plan).contains("topic_event_time").doesNotContain("\"SORT\"");
    }

    /** Every index of the service in {@code database}, with {@code retention} for the TTLs. */
    private static void createIndexes(String database, String retention) {
        new MongoIndexes(client, database, config(retention))
                .complete()
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    private static Document reading(long offset) {
        return new Document("_id", MessageDocuments.id("panel", 0, offset))
                .append("topic_id", "panel")
                .append("timestamp", new Date())
                .append("device_id", "p1")
                .append("partition", 0)
                .append("offset", offset);
    }

    private static List<EncodedDocument> raw(List<Document> documents) {
        return documents.stream().map(DriverEncoded::of).toList();
    }

    private static long count(String database) {
        return client.getDatabase(database)
                .getCollection(MessageRepository.READINGS)
                .countDocuments()
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private static List<Document> indexes(String collection) {
        return client.getDatabase(DATABASE)
                .getCollection(collection)
                .listIndexes()
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private static long ttlSeconds(String collection) {
        return indexes(collection).stream()
                .filter(index -> index.containsKey("expireAfterSeconds"))
                .mapToLong(index -> ((Number) index.get("expireAfterSeconds")).longValue())
                .findFirst()
                .orElse(-1);
    }

    static IngestConfig config(String retention) {
        return IngestConfigs.with(
                Map.of(
                        "ingest.retention.messages", retention,
                        "ingest.retention.alarms", retention,
                        "ingest.retention.stats", retention));
    }
}
