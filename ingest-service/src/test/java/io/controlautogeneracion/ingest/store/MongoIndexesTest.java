package io.controlautogeneracion.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.quarkus.mongodb.impl.ReactiveMongoClientImpl;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The duplicate guards over the wire, on the MongoDB stand-in: a message's position is its {@code
 * _id}, and a store from before, guarded by a unique (topic_id, partition, offset) index, keeps
 * that index while its documents with generated ids last. What the real server reports is {@code
 * MongoRealServerTest}'s.
 */
class MongoIndexesTest {

    private static final String DATABASE = "indexes_test";

    private MongoServer server;
    private MongoClient client;
    private ReactiveMongoClient reactive;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress bound = server.bind();
        String uri = "mongodb://" + bound.getHostString() + ":" + bound.getPort();
        client = MongoClients.create(uri);
        reactive =
                new ReactiveMongoClientImpl(
                        com.mongodb.reactivestreams.client.MongoClients.create(uri));
    }

    @AfterEach
    void stop() {
        reactive.close();
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldStoreAMessageOnceByItsPositionWithoutAnIndexOfItsOwn() {
        ready();
        MessageInserts inserts = new MessageInserts(client, DATABASE);

        MessageInserts.Outcomes first =
                inserts.insert(raw(reading(0, 7), reading(1, 7)), List.of());
        MessageInserts.Outcomes again =
                inserts.insert(raw(reading(1, 7), reading(1, 8)), List.of());

        assertThat(first.readings()).isEqualTo(InsertOutcome.allStored());
        assertThat(again.readings().duplicates()).containsExactly(0);
        assertThat(readings().countDocuments()).isEqualTo(3);
        assertThat(indexNames(MessageRepository.READINGS))
                .doesNotContain(MongoIndexes.LEGACY_GUARD);
    }

    @Test
    void shouldKeepTheOldGuardWhileDocumentsWithGeneratedIdsRemainAndDropItAfter() {
        MongoCollection<Document> readings = readings();
        readings.createIndex(
                Indexes.ascending("topic_id", "partition", "offset"),
                new IndexOptions().unique(true).name(MongoIndexes.LEGACY_GUARD));
        ObjectId before = new ObjectId();
        readings.insertOne(document(0, 3).append("_id", before));

        ready();
        MessageInserts inserts = new MessageInserts(client, DATABASE);
        MessageInserts.Outcomes redelivered =
                inserts.insert(raw(reading(0, 3), reading(0, 4)), List.of());

        assertThat(indexNames(MessageRepository.READINGS)).contains(MongoIndexes.LEGACY_GUARD);
        assertThat(redelivered.readings().duplicates())
                .as("the message stored before under a generated id")
                .containsExactly(0);
        assertThat(readings.countDocuments()).isEqualTo(2);
        assertThat(readings.countDocuments(MongoIndexes.legacyIds())).isEqualTo(1);

        readings.deleteOne(new Document("_id", before)); // retention's work
        ready();

        assertThat(indexNames(MessageRepository.READINGS))
                .doesNotContain(MongoIndexes.LEGACY_GUARD);
        assertThat(readings.countDocuments()).isEqualTo(1);
    }

    private void ready() {
        new MongoIndexes(reactive, DATABASE, MongoRealServerTest.config("P30D"))
                .ready()
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    private MongoCollection<Document> readings() {
        return client.getDatabase(DATABASE).getCollection(MessageRepository.READINGS);
    }

    private List<String> indexNames(String collection) {
        List<String> names = new ArrayList<>();
        client.getDatabase(DATABASE)
                .getCollection(collection)
                .listIndexes()
                .forEach(index -> names.add(index.getString("name")));
        return names;
    }

    private static Document reading(int partition, long offset) {
        return document(partition, offset)
                .append("_id", MessageDocuments.id("panel", partition, offset));
    }

    private static Document document(int partition, long offset) {
        return new Document("topic_id", "panel")
                .append("device_id", "p1")
                .append("partition", partition)
                .append("offset", offset);
    }

    private static List<EncodedDocument> raw(Document... documents) {
        return java.util.Arrays.stream(documents).map(DriverEncoded::of).toList();
    }
}
