package io.controlautogeneracion.ingest.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.Messages;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.PanelReading;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Messages that are JSON, or nearly, but cannot be stored as documents as they are: each ends in
 * {@code topic_alarm} with its reason, and the messages after it are stored as if it had not been
 * there.
 */
@QuarkusTest
class HostileMessagesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectStandIns StandIns standIns;

    @Inject IngestPipeline pipeline;

    @Test
    void shouldAlarmANulFieldNameAndStoreThePanelMessagesAfterIt() {
        String hostile = Messages.uniqueId("panel");
        Instant now = Instant.now();
        String json =
                "{\"panel_id\":\"%s\",\"timestamp\":\"%s\",\"power_w\":1,\"a\\u0000b\":1}"
                        .formatted(hostile, now);
        standIns.send("panel", hostile, json);
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = Messages.uniqueId("panel");
            after.add(id);
            standIns.send("panel", id, Messages.panel(id, now, 100 + i));
        }

        Document alarm = awaitOne("topic_alarm", hostile);
        assertThat(alarm.getString("text_alarm"))
                .isEqualTo(
                        "field name 'a\\u0000b' contains a NUL character, which a MongoDB document"
                                + " cannot hold");
        assertThat(alarm.get("msg_value")).as("the raw text").isEqualTo(json);
        assertThat(alarm.getDate("event_time")).isNotNull();
        for (String id : after) {
            awaitOne("topic", id);
        }
        assertThat(count("topic", hostile)).isZero();
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAlarmNestingDeeperThanThirtyTwoLevelsAndADollarName() {
        String deep = Messages.uniqueId("light");
        String deeper = Messages.uniqueId("light");
        String dollar = Messages.uniqueId("wind");
        String fits = Messages.uniqueId("light");
        Instant now = Instant.now();
        standIns.send("sensor-light", deep, light(deep, now, nested(32)));
        standIns.send("sensor-light", deeper, light(deeper, now, nested(200)));
        standIns.send("sensor-light", fits, light(fits, now, nested(31)));
        standIns.send(
                "sensor-wind",
                dollar,
                "{\"wind_id\":\"%s\",\"timestamp\":\"%s\",\"wind_speed\":3,\"meta\":{\"$where\":1}}"
                        .formatted(dollar, now));

        assertThat(awaitOne("topic_alarm", deep).getString("text_alarm"))
                .isEqualTo(
                        "payload nests objects and arrays deeper than the 32 levels a message may"
                                + " have");
        assertThat(awaitOne("topic_alarm", deeper).get("msg_value")).isInstanceOf(String.class);
        assertThat(awaitOne("topic", fits).get("msg_value", Document.class)).containsKey("deep");
        assertThat(awaitOne("topic_alarm", dollar).getString("text_alarm"))
                .isEqualTo(
                        "field name '$where' starts with '$', which MongoDB reserves for"
                                + " operators");
    }

    @Test
    void shouldAlarmAnOversizeMessageWithItsRawTextCutAndMarked() {
        String big = Messages.uniqueId("panel");
        String padding = "x".repeat(ReadingParser.MAX_PAYLOAD_BYTES);
        byte[] payload =
                ("{\"panel_id\":\"%s\",\"timestamp\":\"%s\",\"power_w\":1,\"pad\":\"%s\"}"
                                .formatted(big, Instant.now(), padding))
                        .getBytes(StandardCharsets.UTF_8);
        standIns.sendBytesAndWait("panel", big, payload);

        Document alarm = awaitOne("topic_alarm", big);
        assertThat(alarm.getString("text_alarm"))
                .isEqualTo(
                        "payload is "
                                + payload.length
                                + " bytes, more than the 1048576 bytes (1 MiB) a message may have");
        assertThat(alarm.getBoolean("msg_value_cut")).isTrue();
        assertThat(alarm.getString("msg_value"))
                .startsWith("{\"panel_id\":\"" + big)
                .endsWith("…[cut: the first 65536 of " + payload.length + " bytes]");
    }

    @Test
    void shouldAlarmInvalidUtf8AndRandomBytes() {
        String latin1 = Messages.uniqueId("wind");
        String random = Messages.uniqueId("wind");
        byte[] notUtf8 =
                "{\"wind_id\":\"Ñ\",\"timestamp\":1,\"wind_speed\":1}"
                        .getBytes(StandardCharsets.ISO_8859_1);
        standIns.sendBytesAndWait("sensor-wind", latin1, notUtf8);
        standIns.sendBytesAndWait(
                "sensor-wind", random, new byte[] {0, (byte) 0xfe, 0x7b, (byte) 0x80, 0x22});

        Document alarm = awaitOne("topic_alarm", latin1);
        assertThat(alarm.getString("text_alarm"))
                .isEqualTo("payload is not valid UTF-8 (byte 0xd1 at offset 12)");
        assertThat(alarm.getString("msg_value")).contains("\"wind_id\":\"\uFFFD\"");
        assertThat(awaitOne("topic_alarm", random).getString("text_alarm"))
                .isEqualTo("payload is not valid UTF-8 (byte 0xfe at offset 1)");
    }

    @Test
    void shouldStoreTheRestOfABatchWhenTheStoreRefusesOneDocument() {
        // A tree the parser never lets through, as if a rule were missing: the driver refuses
        // its NUL name while encoding the insert, so the write has to find that document.
        String refusedId = Messages.uniqueId("panel");
        Instant now = Instant.now();
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("panel_id", refusedId);
        tree.put("a\u0000b", 1);
        ParseResult refusedResult =
                new ParseResult.Valid(
                        new PanelReading(refusedId, now, 1, null, null, null, null), tree);
        ReadingParser parser = ReadingParser.withDefaults();
        List<ParsedMessage> batch = new ArrayList<>();
        List<String> others = new ArrayList<>();
        // A topic of its own, so no consumed partition's progress or stats are touched.
        String topic = "panel-refusal-test";
        long offset = 0;
        for (int i = 0; i < 7; i++) {
            String id = Messages.uniqueId("panel");
            others.add(id);
            byte[] payload = Messages.panel(id, now, i).getBytes(StandardCharsets.UTF_8);
            batch.add(
                    new ParsedMessage(
                            topic,
                            0,
                            offset + i,
                            id,
                            payload.length,
                            parser.parse(DeviceKind.PANEL, payload),
                            payload));
        }
        byte[] refusedPayload = "{\"panel_id\":\"…\"}".getBytes(StandardCharsets.UTF_8);
        batch.add(
                3,
                new ParsedMessage(
                        topic,
                        0,
                        offset + 7,
                        refusedId,
                        refusedPayload.length,
                        refusedResult,
                        refusedPayload));

        pipeline.store(batch).await().atMost(WAIT);

        for (String id : others) {
            assertThat(count("topic", id)).as(id).isEqualTo(1);
        }
        Document alarm = awaitOne("topic_alarm", refusedId);
        assertThat(alarm.getString("text_alarm"))
                .startsWith("MongoDB refused the message: BsonSerializationException");
        assertThat(alarm.get("msg_value")).isEqualTo("{\"panel_id\":\"…\"}");
        assertThat(count("topic", refusedId)).isZero();
    }

    private static String light(String id, Instant at, String deep) {
        return "{\"light_id\":\"%s\",\"timestamp\":\"%s\",\"lux\":100,\"deep\":%s}"
                .formatted(id, at, deep);
    }

    /** {@code levels} nested objects (the message around them adds one more). */
    private static String nested(int levels) {
        return "{\"a\":".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    }

    private Document awaitOne(String collection, String deviceId) {
        await().atMost(WAIT).until(() -> count(collection, deviceId) == 1);
        return standIns.database()
                .getCollection(collection)
                .find(Filters.eq("device_id", deviceId))
                .first();
    }

    private long count(String collection, String deviceId) {
        return standIns.database()
                .getCollection(collection)
                .countDocuments(Filters.eq("device_id", deviceId));
    }
}
