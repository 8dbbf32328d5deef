package io.controlautogeneracion.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ReadingParser;
import java.nio.charset.StandardCharsets;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MessageDocumentsTest {

    private final ReadingParser parser = ReadingParser.withDefaults();

    @Test
    void shouldKeepTheRawTextOfAMessageThatCannotBeADocumentWhole() {
        String json = "{\"panel_id\":\"X-1\",\"timestamp\":1,\"power_w\":1,\"a\\u0000b\":1}";
        Document alarm =
                MessageDocuments.toDocument(message(json.getBytes(StandardCharsets.UTF_8)), 1024);
        assertThat(alarm.get("msg_value")).isEqualTo(json);
        assertThat(alarm.getString("text_alarm")).contains("NUL character");
        assertThat(alarm.getString("device_id")).isEqualTo("X-1");
        assertThat(alarm.containsKey("msg_value_cut")).isFalse();
    }

    @Test
    void shouldCutLongRawTextAtACharacterBoundaryAndSaySo() {
        byte[] payload = ("ñ".repeat(10) + "not json").getBytes(StandardCharsets.UTF_8);
        Document alarm = MessageDocuments.toDocument(message(payload), 5);
        assertThat(alarm.get("msg_value"))
                .as("5 bytes would split the third ñ")
                .isEqualTo("ññ…[cut: the first 4 of 28 bytes]");
        assertThat(alarm.getBoolean("msg_value_cut")).isTrue();
        assertThat(alarm.getString("text_alarm")).startsWith("payload is not valid JSON");
    }

    @Test
    void shouldLeaveOutAnEventTimeBeyondWhatADateCanHold() {
        String json =
                "{\"panel_id\":\"X-1\",\"timestamp\":\"+999999999-12-31T23:59:59Z\",\"power_w\":1}";
        ParsedMessage message = message(json.getBytes(StandardCharsets.UTF_8));
        assertThat(message.result().eventTime()).as("read, and out of bounds").isNotNull();
        Document alarm = MessageDocuments.toDocument(message, 1024);
        assertThat(alarm.get("event_time")).isNull();
        assertThat(alarm.getString("text_alarm")).contains("in the future");
        assertThat(message.latencyMillis(java.time.Instant.now())).isEqualTo(-1);
    }

    private ParsedMessage message(byte[] payload) {
        return new ParsedMessage(
                "panel",
                1,
                7,
                "key",
                payload.length,
                parser.parse(DeviceKind.PANEL, payload),
                payload);
    }
}
