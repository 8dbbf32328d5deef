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
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(prefix) == 2 * HALF);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> committedTotal() == total(standIns.endOffsets(TOPIC)));
        assertThat(stored(prefix)).isEqualTo(2 * HALF);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
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
