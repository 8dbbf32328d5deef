package io.controlautogeneracion.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import io.controlautogeneracion.stack.parts.MongoStandInPart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in process with the stack's default backend: stop and restart, and a kill -9. */
class MongoStandInRestartTest {
    @TempDir Path data;
    private LocalStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.down();
        }
    }

    private LocalStack stack() throws IOException {
        int port = FreePorts.onLoopback();
        StackConfig config =
                StackConfig.load()
                        .with(
                                Map.of(
                                        "data.dir",
                                        data.toString(),
                                        "detach",
                                        "false",
                                        "start.timeout",
                                        "120",
                                        "mongo.port",
                                        Integer.toString(port)));
        return new LocalStack(config, EnumSet.of(Engine.MONGODB), line -> {});
    }

    private static MongoCollection<Document> topic(MongoClient client) {
        return client.getDatabase("control_autogeneracion").getCollection("topic");
    }

    private static List<Document> messages(int from, int to) {
        List<Document> documents = new ArrayList<>();
        for (int offset = from; offset < to; offset++) {
            documents.add(
                    new Document("topic_id", "panel")
                            .append("partition", 0)
                            .append("offset", offset));
        }
        return documents;
    }

    @Test
    void shouldKeepDataAndTheUniqueIndexAcrossDownAndUp() throws IOException {
        stack = stack();
        stack.up();
        assertThat(stack.context().config().get("mongo.backend")).isEqualTo("rocksdb");
        String uri = MongoStandInPart.connectionString(stack.context());
        try (MongoClient client = MongoClients.create(uri)) {
            topic(client)
                    .createIndex(
                            Indexes.ascending("topic_id", "partition", "offset"),
                            new IndexOptions().unique(true).name("topic_partition_offset"));
            topic(client).insertMany(messages(0, 2_000), new InsertManyOptions().ordered(false));
        }
        stack.down();

        stack.up();
        try (MongoClient client = MongoClients.create(uri)) {
            assertThat(topic(client).countDocuments()).isEqualTo(2_000);
            assertThatThrownBy(() -> topic(client).insertOne(messages(1_999, 2_000).get(0)))
                    .isInstanceOfSatisfying(
                            MongoWriteException.class,
                            e ->
                                    assertThat(e.getError().getCategory())
                                            .isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedWriteThroughAKill() throws IOException {
        stack = stack();
        stack.up();
        String uri = MongoStandInPart.connectionString(stack.context());
        try (MongoClient client = MongoClients.create(uri)) {
            topic(client).insertMany(messages(0, 3_000));
        }
        ProcessHandle process =
                ManagedProcess.find(new MongoStandInPart(), stack.context()).orElseThrow();
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());

        stack.up();
        try (MongoClient client = MongoClients.create(uri)) {
            assertThat(topic(client).countDocuments()).isEqualTo(3_000);
        }
    }
}
