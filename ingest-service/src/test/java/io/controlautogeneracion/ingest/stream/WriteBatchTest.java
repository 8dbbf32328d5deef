package io.controlautogeneracion.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.ingest.store.MessageRepository.Duplicates;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ReadingParser;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WriteBatchTest {

    private final ReadingParser parser = ReadingParser.withDefaults();

    @Test
    void shouldSplitReadingsFromAlarmsAndStampEachAttempt() {
        WriteBatch batch =
                WriteBatch.of(
                        List.of(
                                message(0, valid("p1")),
                                message(1, "nope"),
                                message(2, valid("p2"))));
        assertThat(batch.readings()).hasSize(2);
        assertThat(batch.alarms())
                .singleElement()
                .satisfies(d -> assertThat(d.getString("text_alarm")).isNotBlank());
        Instant first = Instant.parse("2026-11-28T13:00:00Z");
        batch.startAttempt(first);
        batch.startAttempt(first.plusSeconds(5));
        assertThat(batch.attempts()).isEqualTo(2);
        assertThat(batch.readings().get(0).getDate("timestamp").toInstant())
                .isEqualTo(first.plusSeconds(5));
        assertThat(batch.describe()).contains("topic panel", "partition 0 offsets 0-2", "[p1");
    }

    @Test
    void shouldLeaveOutRedeliveriesOnlyWhenTheFirstAttemptFoundThem() {
        WriteBatch batch =
                WriteBatch.of(
                        List.of(
                                message(0, valid("p1")),
                                message(1, valid("p2")),
                                message(2, "nope")));
        Duplicates firstTwo = new Duplicates(Set.of(0), Set.of(0));
        batch.startAttempt(Instant.now());
        assertThat(batch.stored(firstTwo)).extracting(ParsedMessage::offset).containsExactly(1L);
        batch.startAttempt(Instant.now());
        assertThat(batch.stored(firstTwo)).as("after a failed attempt they may be ours").hasSize(3);
    }

    private String valid(String id) {
        return "{\"panel_id\":\""
                + id
                + "\",\"timestamp\":\""
                + Instant.now()
                + "\",\"power_w\":5}";
    }

    private ParsedMessage message(long offset, String payload) {
        String key = payload.contains("p2") ? "p2" : "p1";
        return new ParsedMessage(
                "panel", 0, offset, key, payload.length(), parser.parse(DeviceKind.PANEL, payload));
    }
}
