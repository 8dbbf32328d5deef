package io.controlautogeneracion.ingest.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.Messages;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A partition whose messages wait with nothing written ({@code ingest.health.stall-timeout} is 5 s
 * in tests) turns readiness DOWN, naming topic, partition and offset; progress turns it UP again.
 */
@QuarkusTest
class IngestProgressCheckTest {

    private static final String TOPIC = "sensor-light";

    @InjectStandIns StandIns standIns;

    @Test
    void shouldNameTheStalledPartitionInReadinessUntilItMovesAgain() {
        String prefix = Messages.uniqueId("light");
        Instant at = Instant.now();
        standIns.send(TOPIC, prefix + "-first", Messages.light(prefix + "-first", at, 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(prefix) == 1);

        standIns.stopMongo();
        try {
            for (int i = 0; i < 10; i++) {
                standIns.send(TOPIC, prefix + "-" + i, Messages.light(prefix + "-" + i, at, i));
            }
            await().atMost(Duration.ofSeconds(40))
                    .until(
                            () ->
                                    progressCheck().get("status") != null
                                            && "DOWN".equals(progressCheck().get("status")));
            Map<String, Object> check = progressCheck();
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) check.get("data");
            assertThat(data.get("topic")).isEqualTo(TOPIC);
            assertThat(data).containsKeys("partition", "offset");
            String key = TOPIC + "-" + data.get("partition");
            assertThat((String) data.get(key))
                    .contains("no message written for", "at offset " + data.get("offset"));
        } finally {
            standIns.startMongo();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(prefix) == 11);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "UP".equals(progressCheck().get("status")));
    }

    private Map<String, Object> progressCheck() {
        JsonPath ready = given().get("/q/health/ready").jsonPath();
        Map<String, Object> check = ready.getMap("checks.find { it.name == 'ingest-progress' }");
        return check == null ? Map.of() : check;
    }

    private long stored(String prefix) {
        return standIns.database()
                .getCollection("topic")
                .countDocuments(Filters.regex("device_id", "^" + prefix + "-"));
    }
}
