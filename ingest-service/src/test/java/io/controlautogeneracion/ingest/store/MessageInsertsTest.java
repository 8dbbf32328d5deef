package io.controlautogeneracion.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inserts as the MongoDB stand-in receives them over the wire: each document stored once, in as
 * many commands as the bytes take, and a duplicate the server reports by position given back at the
 * document's place in the whole list. Documents a real server refuses are {@code
 * MongoRealServerTest}'s (the stand-in refuses none).
 */
class MessageInsertsTest {

    private static final String DATABASE = "inserts_test";

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + address(server));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldStoreEveryDocumentOnceAcrossSeveralCommands() {
        List<EncodedDocument> documents = readings(0, 50);
        int oneDocument = documents.get(0).size();
        // Room for about seven documents a command: the 50 go in eight commands.
        MessageInserts inserts = new MessageInserts(client, DATABASE, 7 * (oneDocument + 8) + 256);

        MessageInserts.Outcomes outcomes = inserts.insert(documents, List.of());

        assertThat(outcomes.readings()).isEqualTo(InsertOutcome.allStored());
        assertThat(stored(MessageRepository.READINGS)).isEqualTo(offsets(0, 50));
    }

    @Test
    void shouldReportDuplicatesAtTheirPlaceInTheWholeList() {
        List<EncodedDocument> earlier = readings(10, 13);
        MessageInserts inserts = new MessageInserts(client, DATABASE, 4096);
        inserts.insert(earlier, List.of());
        int oneDocument = earlier.get(0).size();
        inserts = new MessageInserts(client, DATABASE, 4 * (oneDocument + 8) + 256);

        // 0..19 again, with 10, 11 and 12 stored before: commands of four, the duplicates in the
        // third and the fourth.
        MessageInserts.Outcomes outcomes = inserts.insert(readings(0, 20), readings(100, 101));

        assertThat(outcomes.readings().duplicates()).containsExactlyInAnyOrder(10, 11, 12);
        assertThat(outcomes.readings().refused()).isEmpty();
        assertThat(outcomes.alarms()).isEqualTo(InsertOutcome.allStored());
        assertThat(stored(MessageRepository.READINGS)).isEqualTo(offsets(0, 20));
        assertThat(stored(MessageRepository.ALARMS)).isEqualTo(offsets(100, 101));
    }

    @Test
    void shouldSendADocumentLargerThanACommandAlone() {
        List<EncodedDocument> documents = new ArrayList<>(readings(0, 3));
        documents.set(1, raw(reading(1).append("msg_value", "x".repeat(10_000))));
        MessageInserts inserts = new MessageInserts(client, DATABASE, 2048);

        MessageInserts.Outcomes outcomes = inserts.insert(documents, List.of());

        assertThat(outcomes.readings()).isEqualTo(InsertOutcome.allStored());
        assertThat(stored(MessageRepository.READINGS)).isEqualTo(offsets(0, 3));
    }

    private List<Long> stored(String collection) {
        List<Long> offsets = new ArrayList<>();
        client.getDatabase(DATABASE)
                .getCollection(collection)
                .find()
                .forEach(d -> offsets.add(d.getLong("offset")));
        offsets.sort(null);
        return offsets;
    }

    private static List<Long> offsets(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (long) i).toList();
    }

    private static List<EncodedDocument> readings(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> raw(reading(i))).toList();
    }

    private static Document reading(long offset) {
        return new Document("_id", "panel-0-" + offset)
                .append("topic_id", "panel")
                .append("partition", 0)
                .append("offset", offset)
                .append("msg_value", new Document("id_panel", "P-1").append("power", 12.5));
    }

    private static EncodedDocument raw(Document document) {
        return DriverEncoded.of(document);
    }

    private static String address(MongoServer server) {
        java.net.InetSocketAddress bound = server.bind();
        return bound.getHostString() + ":" + bound.getPort();
    }
}
