package io.controlautogeneracion.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.Messages;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Each kind of message, valid and invalid, from Kafka to the right MongoDB collection. */
@QuarkusTest
class IngestFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectStandIns StandIns standIns;

    @Test
    void shouldStoreAValidReadingOfEachKindWithWhereAndWhenItArrived() {
        Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        String panel = Messages.uniqueId("panel");
        String light = Messages.uniqueId("light");
        String wind = Messages.uniqueId("wind");
        Instant before = Instant.now();
        standIns.send("panel", panel, Messages.panel(panel, at, 812.5));
        standIns.send("sensor-light", light, Messages.light(light, at, 45_000));
        standIns.send("sensor-wind", wind, Messages.wind(wind, at, 7.25));

        Document stored = awaitOne("topic", panel);
        assertThat(stored.getString("topic_id")).isEqualTo("panel");
        assertThat(stored.getDate("event_time").toInstant()).isEqualTo(at);
        assertThat(stored.getDate("timestamp").toInstant())
                .isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
        assertThat(stored.getInteger("partition")).isBetween(0, 1);
        assertThat(((Number) stored.get("offset")).longValue()).isNotNegative();
        Document value = stored.get("msg_value", Document.class);
        assertThat(value.getDouble("power_w")).isEqualTo(812.5);
        assertThat(value.getString("firmware")).as("unknown fields are kept").isEqualTo("2.1");

        assertThat(awaitOne("topic", light).get("msg_value", Document.class).getDouble("lux"))
                .isEqualTo(45_000.0);
        Document windDoc = awaitOne("topic", wind);
        assertThat(windDoc.getString("topic_id")).isEqualTo("sensor-wind");
        assertThat(windDoc.get("msg_value", Document.class).getDouble("wind_speed"))
                .isEqualTo(7.25);
        assertThat(
                        count("topic_alarm", panel)
                                + count("topic_alarm", light)
                                + count("topic_alarm", wind))
                .isZero();
    }

    @Test
    void shouldExplainEveryInvalidMessageInTopicAlarmAndKeepItsRawText() {
        Instant now = Instant.now();
        String negative = Messages.uniqueId("panel");
        String tooBright = Messages.uniqueId("light");
        String noSpeed = Messages.uniqueId("wind");
        String future = Messages.uniqueId("wind");
        String garbage = Messages.uniqueId("panel");
        standIns.send("panel", negative, Messages.panel(negative, now, -3));
        standIns.send("sensor-light", tooBright, Messages.light(tooBright, now, 250_000));
        standIns.send(
                "sensor-wind",
                noSpeed,
                "{\"wind_id\":\"%s\",\"timestamp\":\"%s\"}".formatted(noSpeed, now));
        standIns.send(
                "sensor-wind", future, Messages.wind(future, now.plus(Duration.ofHours(1)), 3));
        standIns.send("panel", garbage, "power=12W; not json");

        assertThat(awaitOne("topic_alarm", negative).getString("text_alarm")).contains("power_w");
        assertThat(awaitOne("topic_alarm", tooBright).getString("text_alarm")).contains("lux");
        assertThat(awaitOne("topic_alarm", noSpeed).getString("text_alarm")).contains("wind_speed");
        Document late = awaitOne("topic_alarm", future);
        assertThat(late.getString("text_alarm")).contains("future");
        assertThat(late.getDate("event_time")).isNotNull();
        Document raw = awaitOne("topic_alarm", garbage);
        assertThat(raw.get("msg_value")).as("raw text kept").isEqualTo("power=12W; not json");
        assertThat(raw.getString("text_alarm")).contains("not valid JSON");
        assertThat(raw.getString("device_id")).as("the Kafka key stands in").isEqualTo(garbage);
        assertThat(raw.get("event_time")).isNull();
        for (String id : List.of(negative, tooBright, noSpeed, future, garbage)) {
            assertThat(count("topic", id)).as(id + " is not a reading").isZero();
        }
    }

    private Document awaitOne(String collection, String deviceId) {
        await().atMost(WAIT).until(() -> count(collection, deviceId) == 1);
        return standIns.database()
                .getCollection(collection)
                .find(Filters.eq("device_id", deviceId))
                .first();
    }

    private long count(String collection, String deviceId) {
        MongoCollection<Document> documents = standIns.database().getCollection(collection);
        return documents.countDocuments(Filters.eq("device_id", deviceId));
    }
}
