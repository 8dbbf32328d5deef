package io.controlautogeneracion.ingest.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.model.Filters;
import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.Messages;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB stand-in goes down in the middle of a stream and comes back: consumption waits,
 * offsets stay behind the last acknowledged write, readiness reports the outage, queries are told
 * 503, and afterwards every message is stored exactly once.
 */
@QuarkusTest
class MongoOutageTest {

    private static final String TOPIC = "sensor-wind";
    private static final String GROUP = "ingest-service." + TOPIC;
    private static final int HALF = 100;

    @InjectStandIns StandIns standIns;

    @Test
    void shouldLoseNothingWhenMongoStopsAndRestartsMidStream() {
        String prefix = Messages.uniqueId("wind");
        Instant at = Instant.now().minusSeconds(2);
        sendRange(prefix, at, 0, HALF);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(prefix) == HALF);
        Map<TopicPartition, Long> acknowledgedEnd = standIns.endOffsets(TOPIC);

        standIns.stopMongo();
        try {
            sendRange(prefix, at, HALF, 2 * HALF);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> given().get("/q/health/ready").statusCode() == 503);
            // Nothing written, nothing committed: the group stays at or behind the first half.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> committedTotal() <= total(acknowledgedEnd));
            assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);
            // A query meanwhile is told the store is unavailable and when to ask again.
            given().get("/topics/" + TOPIC + "/messages")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("title", equalTo("Message store unavailable"))
                    .body("detail", containsString("did not answer"));
        } finally {
            standIns.startMongo();
        }

        assertStoredOnceAndCommitted(prefix);
    }

    /**
     * A second member joins the group while a write waits for MongoDB (another instance starting)
     * and leaves again: the waiting stream gives partitions up and takes them back without fetching
     * past its batch, and once MongoDB is back every message is stored once and the group's offsets
     * reach the end.
     */
    @Test
    void shouldLoseNothingWhenTheGroupRebalancesWhileAWriteWaits() {
        String prefix = Messages.uniqueId("wind");
        Instant at = Instant.now().minusSeconds(2);
        sendRange(prefix, at, 0, HALF);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(prefix) == HALF);

        standIns.stopMongo();
        try {
            sendRange(prefix, at, HALF, 2 * HALF);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> given().get("/q/health/ready").statusCode() == 503);
            try (KafkaConsumer<String, String> other = member()) {
                other.subscribe(List.of(TOPIC));
                // Joined once it holds a partition; it only polls, it never commits.
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> {
                                    other.poll(Duration.ofMillis(200));
                                    return !other.assignment().isEmpty();
                                });
            }
            assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);
        } finally {
            standIns.startMongo();
        }

        assertStoredOnceAndCommitted(prefix);
    }

    /** Once MongoDB is back: every message stored once, the offsets at the end, readiness UP. */
    private void assertStoredOnceAndCommitted(String prefix) {
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(prefix) == 2 * HALF);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> committedTotal() == total(standIns.endOffsets(TOPIC)));
        assertThat(stored(prefix)).isEqualTo(2 * HALF);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private KafkaConsumer<String, String> member() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, standIns.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        properties.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    private void sendRange(String prefix, Instant at, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = prefix + "-" + i;
            standIns.send(TOPIC, id, Messages.wind(id, at, 4 + i % 10));
        }
    }

    private long stored(String prefix) {
        return standIns.database()
                .getCollection("topic")
                .countDocuments(Filters.regex("device_id", "^" + prefix + "-"));
    }

    private long committedTotal() {
        return standIns.committed(GROUP).values().stream()
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
