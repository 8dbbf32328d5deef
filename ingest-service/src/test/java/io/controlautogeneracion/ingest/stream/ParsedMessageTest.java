package io.controlautogeneracion.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParsedMessageTest {

    private static final String JSON =
            "{\"panel_id\":\"P-7\",\"timestamp\":\"2026-12-07T10:00:00Z\",\"power_w\":10.5,"
                    + "\"energy_wh\":1200.0}";

    private final ReadingParser parser = ReadingParser.withDefaults();

    @Test
    void shouldKeepTheKeysStringForTheDeviceIdWhenTheyAreEqual() {
        String key = new String("P-7".toCharArray());
        ParsedMessage message = message(key, parser.parse(DeviceKind.PANEL, JSON));

        assertThat(message.messageDeviceId()).isSameAs(key);
        assertThat(message.deviceId()).isSameAs(key);
        assertThat(message.eventTime()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(message.valid()).isTrue();
    }

    @Test
    void shouldTellTheMessagesDeviceIdFromAnotherKey() {
        ParsedMessage message = message("P-8", parser.parse(DeviceKind.PANEL, JSON));

        assertThat(message.messageDeviceId()).isEqualTo("P-7");
        assertThat(message.deviceId()).isEqualTo("P-7");
    }

    @Test
    void shouldNameTheKeyAsDeviceOfAMessageThatNamesNone() {
        ParsedMessage message = message("P-9", parser.parse(DeviceKind.PANEL, "not json"));

        assertThat(message.messageDeviceId()).isNull();
        assertThat(message.deviceId()).isEqualTo("P-9");
        assertThat(message.valid()).isFalse();
        assertThat(message.invalid().rawText()).isEqualTo("not json");
        assertThat(message.enrichable()).isFalse();
    }

    private static ParsedMessage message(String key, ParseResult result) {
        return new ParsedMessage("panel", 0, 1, key, JSON.length(), result, null);
    }
}
