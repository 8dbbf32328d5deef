package io.controlautogeneracion.ingest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.Messages;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The throughput buckets add up to what was stored, in MongoDB ({@code topic_stats}) and in the
 * rows published to Kafka for Druid.
 */
@QuarkusTest
class TopicStatsTest {

    private static final String TOPIC = "panel";
    private static final int VALID = 48;
    private static final int INVALID = 2;

    @InjectStandIns StandIns standIns;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldAddUpToWhatWasSent() {
        String prefix = Messages.uniqueId("panel");
        Instant at = Instant.now().minusSeconds(3);
        for (int i = 0; i < VALID; i++) {
            String id = prefix + "-" + i;
            standIns.send(TOPIC, id, Messages.panel(id, at, 100 + i));
        }
        for (int i = 0; i < INVALID; i++) {
            String id = prefix + "-bad-" + i;
            standIns.send(TOPIC, id, "{\"panel_id\":\"" + id + "\"}");
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            long readings = count("topic");
                            long alarms = count("topic_alarm");
                            assertThat(readings + alarms)
                                    .isEqualTo(sum("messages"))
                                    .isGreaterThanOrEqualTo(VALID + INVALID);
                            assertThat(alarms).isEqualTo(sum("invalid"));
                        });
        Document slowest =
                standIns.database()
                        .getCollection("topic_stats")
                        .find(Filters.eq("topic_id", TOPIC))
                        .sort(new Document("latency_max_ms", -1))
                        .first();
        assertThat(slowest.getLong("latency_max_ms")).isGreaterThanOrEqualTo(3000);
        assertThat(slowest.get("latency_hist", Document.class)).isNotEmpty();

        // Buckets close 2 s + 1 s grace after they start (test settings), then go to Kafka.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(publishedMessages()).isEqualTo(sum("messages")));
    }

    private long publishedMessages() {
        long total = 0;
        for (String row : standIns.readAll("topic_stats")) {
            JsonNode node = readTree(row);
            if (TOPIC.equals(node.path("topic").asText())) {
                assertThat(node.path("timestamp").asText()).endsWith("Z");
                total += node.path("messages").asLong();
            }
        }
        return total;
    }

    private JsonNode readTree(String row) {
        try {
            return json.readTree(row);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + row, e);
        }
    }

    private long count(String collection) {
        return standIns.database()
                .getCollection(collection)
                .countDocuments(Filters.eq("topic_id", TOPIC));
    }

    private long sum(String field) {
        long total = 0;
        for (Document bucket :
                standIns.database()
                        .getCollection("topic_stats")
                        .find(Filters.eq("topic_id", TOPIC))) {
            total += ((Number) bucket.get(field)).longValue();
        }
        return total;
    }
}
