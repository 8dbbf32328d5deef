package io.controlautogeneracion.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.controlautogeneracion.ingest.store.InsertOutcome;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.PanelReading;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

class WriteBatchTest {

    private static final int RAW_TEXT_LIMIT = 64;

    private final ReadingParser parser = ReadingParser.withDefaults();

    @Test
    void shouldSplitReadingsFromAlarmsAndStampEachAttempt() {
        WriteBatch batch =
                WriteBatch.of(
                        List.of(
                                message(0, valid("p1")),
                                message(1, "nope"),
                                message(2, valid("p2"))),
                        RAW_TEXT_LIMIT);
        assertThat(batch.readings()).hasSize(2);
        assertThat(batch.alarms())
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.document().getString("text_alarm").getValue())
                                        .isNotBlank());
        Instant first = Instant.parse("2026-11-28T13:00:00Z");
        batch.startAttempt(first);
        batch.startAttempt(first.plusSeconds(5));
        assertThat(batch.attempts()).isEqualTo(2);
        assertThat(batch.readings().get(0).document().getDateTime("timestamp").getValue())
                .isEqualTo(first.plusSeconds(5).toEpochMilli());
        assertThat(batch.describe()).contains("topic panel", "partition 0 offsets 0-2", "[p1");
        assertThat(batch.lastOffsets()).isEqualTo(Map.of(0, 2L));
    }

    @Test
    void shouldLeaveOutRedeliveriesOnlyWhenTheFirstAttemptFoundThem() {
        List<ParsedMessage> messages =
                List.of(message(0, valid("p1")), message(1, valid("p2")), message(2, "nope"));
        WriteBatch first = WriteBatch.of(messages, RAW_TEXT_LIMIT);
        first.startAttempt(Instant.now());
        send(first, new InsertOutcome(Set.of(0), Map.of()), new InsertOutcome(Set.of(0), Map.of()));
        assertThat(first.stored()).extracting(ParsedMessage::offset).containsExactly(1L);
        assertThat(first.hasPending()).isFalse();

        WriteBatch retried = WriteBatch.of(messages, RAW_TEXT_LIMIT);
        retried.startAttempt(Instant.now());
        retried.startAttempt(Instant.now());
        send(
                retried,
                new InsertOutcome(Set.of(0), Map.of()),
                new InsertOutcome(Set.of(0), Map.of()));
        assertThat(retried.stored()).as("after a failed attempt they may be ours").hasSize(3);
    }

    @Test
    void shouldReplaceARefusedDocumentByAnAlarmWithItsRawTextAndSendOnlyThat() {
        String refusedPayload = valid("p2");
        WriteBatch batch =
                WriteBatch.of(
                        List.of(message(0, valid("p1")), message(1, refusedPayload)),
                        RAW_TEXT_LIMIT);
        batch.startAttempt(Instant.now());
        assertThat(batch.readings()).hasSize(2);
        assertThat(batch.alarms()).isEmpty();
        int refused =
                batch.apply(
                        new InsertOutcome(Set.of(), Map.of(1, "error 15: too deep")),
                        InsertOutcome.allStored());
        assertThat(refused).isEqualTo(1);
        assertThat(batch.readings()).isEmpty();
        Document alarm = batch.alarms().get(0).document().decode(new DocumentCodec());
        assertThat(alarm.getString("text_alarm"))
                .isEqualTo("MongoDB refused the message: error 15: too deep");
        assertThat(alarm.getLong("offset")).isEqualTo(1L);
        assertThat(alarm.getString("device_id")).isEqualTo("p2");
        assertThat(alarm.get("msg_value"))
                .isEqualTo(
                        refusedPayload.substring(0, RAW_TEXT_LIMIT)
                                + "…[cut: the first 64 of "
                                + refusedPayload.length()
                                + " bytes]");
        assertThat(alarm.getBoolean("msg_value_cut")).isTrue();
        batch.apply(InsertOutcome.allStored(), InsertOutcome.allStored());
        assertThat(batch.stored()).extracting(ParsedMessage::valid).containsExactly(true, false);
        assertThat(batch.refusedByStore()).extracting(ParsedMessage::offset).containsExactly(1L);
    }

    @Test
    void shouldSendAsAnAlarmAMessageWhoseTreeBsonCannotHold() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("panel_id", "p2");
        tree.put("a\u0000b", 1);
        byte[] payload = "{\"panel_id\":\"p2\"}".getBytes(StandardCharsets.UTF_8);
        ParsedMessage unwritable =
                new ParsedMessage(
                        "panel",
                        0,
                        1,
                        "p2",
                        payload.length,
                        new ParseResult.Valid(
                                new PanelReading("p2", Instant.now(), 1, null, null, null, null),
                                tree),
                        payload);
        WriteBatch batch =
                WriteBatch.of(List.of(message(0, valid("p1")), unwritable), RAW_TEXT_LIMIT);
        batch.startAttempt(Instant.now());

        assertThat(batch.readings()).hasSize(1);
        Document alarm = batch.alarms().get(0).document().decode(new DocumentCodec());
        assertThat(alarm.getString("text_alarm"))
                .startsWith("MongoDB refused the message: BsonSerializationException");
        assertThat(alarm.get("msg_value")).isEqualTo("{\"panel_id\":\"p2\"}");
        batch.apply(InsertOutcome.allStored(), InsertOutcome.allStored());
        assertThat(batch.refusedByStore())
                .as("logged and counted as a refusal")
                .extracting(ParsedMessage::offset)
                .containsExactly(1L);
    }

    @Test
    void shouldPutARefusedDocumentBackWhenItsAlarmIsRefusedToo() {
        WriteBatch batch = WriteBatch.of(List.of(message(0, valid("p1"))), RAW_TEXT_LIMIT);
        batch.startAttempt(Instant.now());
        batch.readings();
        batch.alarms();
        batch.apply(new InsertOutcome(Set.of(), Map.of(0, "refused")), InsertOutcome.allStored());
        batch.readings();
        batch.alarms();
        assertThatThrownBy(
                        () ->
                                batch.apply(
                                        InsertOutcome.allStored(),
                                        new InsertOutcome(Set.of(), Map.of(0, "refused again"))))
                .isInstanceOf(StoreRefusedException.class)
                .hasMessageContaining("panel/0@0");
        batch.undoRefusals();
        assertThat(batch.readings()).as("sent again as it was").hasSize(1);
        assertThat(batch.alarms()).isEmpty();
    }

    private static void send(WriteBatch batch, InsertOutcome readings, InsertOutcome alarms) {
        batch.readings();
        batch.alarms();
        batch.apply(readings, alarms);
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
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return new ParsedMessage(
                "panel",
                0,
                offset,
                key,
                bytes.length,
                parser.parse(DeviceKind.PANEL, bytes),
                bytes);
    }
}
