package io.controlautogeneracion.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.ingest.enrich.StretchEnrichment;
import io.controlautogeneracion.ingest.store.BsonOutput;
import io.controlautogeneracion.ingest.store.EncodedDocument;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ReadingParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

class MessageDocumentsTest {

    private final ReadingParser parser = ReadingParser.withDefaults();

    @Test
    void shouldStoreAValidReadingWithItsWholeMessageAndEnrichment() {
        Instant at = Instant.now().minusSeconds(60);
        String json =
                "{\"panel_id\":\"X-1\",\"timestamp\":\""
                        + at
                        + "\",\"power_w\":12.5,\"extra\":{\"fw\":[1,\"b\"]},\"count\":3}";
        StretchEnrichment enrichment =
                StretchEnrichment.of(Enrichment.unknown(DeviceKind.PANEL, "X-1", at));
        ParsedMessage message = message(json.getBytes(StandardCharsets.UTF_8)).enriched(enrichment);
        EncodedDocument encoded = MessageDocuments.encode(message, 1024);
        Instant ingest = Instant.now();
        encoded.stamp(ingest);

        Document stored = decode(encoded);

        Document expected =
                new Document("_id", "panel/1/7")
                        .append("topic_id", "panel")
                        .append("timestamp", Date.from(ingest))
                        .append(
                                "msg_value",
                                new Document("panel_id", "X-1")
                                        .append("timestamp", at.toString())
                                        .append("power_w", 12.5)
                                        .append("extra", new Document("fw", List.of(1, "b")))
                                        .append("count", 3))
                        .append("device_id", "X-1")
                        .append("event_time", Date.from(at))
                        .append("partition", 1)
                        .append("offset", 7L);
        expected.putAll(enrichment.fields());
        assertThat(stored).isEqualTo(expected);
        assertThat(List.copyOf(stored.keySet())).isEqualTo(List.copyOf(expected.keySet()));
    }

    @Test
    void shouldStoreTheSameDocumentFromTheParsersSinkAsFromTheTree() {
        Instant at = Instant.now().minusSeconds(60);
        String reading = "\"panel_id\":\"X-1\",\"timestamp\":\"" + at + "\"";
        List<String> messages =
                List.of(
                        "{" + reading + ",\"power_w\":12.5,\"extra\":{\"fw\":[1,\"b\",null,1e3]}}",
                        // numbers at the edges of int32, int64 and Decimal128, and beyond
                        "{"
                                + reading
                                + ",\"power_w\":2147483647,\"n\":[2147483648,-2147483649,"
                                + "9223372036854775808,12345678901234567890123456789012345678901,"
                                + "-0,-0.0,1e400,NaN,-Infinity,2.5e-320]}",
                        "{"
                                + reading
                                + ",\"power_w\":1,\"a.b\":[[[]],{},[{\"c$\":true}]],"
                                + "\"t\":\"\\u00e9\\ud83d\\ude00 ñ\"}",
                        // invalid by a field's rule (negative power): stored as a document too
                        "{" + reading + ",\"power_w\":-1}",
                        // read by a parser of its own after the thread's parser wrote part of
                        // it: a number of 1,000 digits and a sign (the fed parser gives up on
                        // numbers over 1,000 characters), a byte order mark after a message
                        "{" + reading + ",\"power_w\":1,\"x\":-1" + "0".repeat(999) + "}",
                        "\uFEFF{" + reading + ",\"power_w\":1}",
                        // cannot be a document (a NUL in a name): raw text
                        "{" + reading + ",\"power_w\":1,\"a\\u0000b\":1}",
                        "not json");
        for (String json : messages) {
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            ParsedMessage viaTree = message(payload);
            ParsedMessage viaSink =
                    IngestPipeline.parse(
                            parser,
                            DeviceKind.PANEL,
                            new ConsumerRecord<>("panel", 1, 7, "key", payload));

            assertThat(viaSink.tree()).as("no tree").isNull();
            assertThat(viaSink.head() != null).isEqualTo(viaTree.tree() != null);
            Document fromTree = decode(MessageDocuments.encode(viaTree, 1024));
            Document fromSink = decode(MessageDocuments.encode(viaSink, 1024));
            fromTree.remove("_id");
            fromSink.remove("_id");
            assertThat(fromSink).as(json).isEqualTo(fromTree);
            assertThat(List.copyOf(fromSink.keySet())).isEqualTo(List.copyOf(fromTree.keySet()));
            assertThat(viaSink.head() == null || fromSink.get("msg_value") instanceof Document)
                    .isTrue();
        }
    }

    @Test
    void shouldWriteABatchsDocumentsOneAfterAnotherInTheOutputTheyShare() {
        Instant at = Instant.now().minusSeconds(60);
        String reading = "\"panel_id\":\"X-1\",\"timestamp\":\"" + at + "\"";
        List<String> messages =
                List.of(
                        "{" + reading + ",\"power_w\":12.5,\"extra\":{\"fw\":[1,\"b\"]}}",
                        "not json",
                        "{" + reading + ",\"power_w\":-1}",
                        // read again by a parser of its own after the thread's wrote part of it
                        "{" + reading + ",\"power_w\":1,\"x\":-1" + "0".repeat(999) + "}",
                        // kept as a tree (a NUL in a name cannot be BSON), then as raw text
                        "{" + reading + ",\"power_w\":1,\"a\\u0000b\":1}",
                        "{" + reading + ",\"power_w\":" + "7".repeat(40) + "}",
                        "{" + reading + ",\"power_w\":3}",
                        // large: its document made in an output of its own
                        "{" + reading + ",\"power_w\":4,\"note\":\"" + "n".repeat(70_000) + "\"}");
        StretchEnrichment enrichment =
                StretchEnrichment.of(Enrichment.unknown(DeviceKind.PANEL, "X-1", at));
        // Small, so that it grows while the batch is written.
        BsonOutput documents = new BsonOutput(64);
        Instant now = parser.now();
        List<ParsedMessage> batch = new java.util.ArrayList<>();
        List<ParsedMessage> alone = new java.util.ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            byte[] payload = messages.get(i).getBytes(StandardCharsets.UTF_8);
            ConsumerRecord<String, byte[]> record =
                    new ConsumerRecord<>("panel", 1, i, "k", payload);
            int before = documents.size();
            ParsedMessage parsed =
                    IngestPipeline.parse(parser, DeviceKind.PANEL, record, now, documents);
            if (parsed.head() == null || payload.length > DocumentArena.ALONE_BYTES) {
                assertThat(documents.size())
                        .as("nothing left of " + messages.get(i))
                        .isEqualTo(before);
            }
            batch.add(parsed);
            alone.add(
                    IngestPipeline.parse(
                            parser, DeviceKind.PANEL, record, now, new BsonOutput(16)));
        }
        assertThat(batch).filteredOn(m -> m.head() != null).hasSize(6);

        // Each message encoded, then again enriched, as a batch and its retry of the catalog would.
        List<EncodedDocument> encoded = new java.util.ArrayList<>();
        List<Document> expected = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            for (boolean enrich : new boolean[] {false, true}) {
                ParsedMessage shared = enrich ? batch.get(i).enriched(enrichment) : batch.get(i);
                ParsedMessage own = enrich ? alone.get(i).enriched(enrichment) : alone.get(i);
                Instant stamp = at.plusMillis(encoded.size());
                EncodedDocument document = MessageDocuments.encode(shared, 1024);
                document.stamp(stamp);
                encoded.add(document);
                EncodedDocument reference = MessageDocuments.encode(own, 1024);
                reference.stamp(stamp);
                expected.add(decode(reference));
            }
        }
        assertThat(documents.capacity()).as("grew while written").isGreaterThan(1024);
        for (int i = 0; i < encoded.size(); i++) {
            assertThat(decode(encoded.get(i))).as("document " + i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void shouldGiveAMessageAnOutputOfItsOwnOnceTheBatchsHeadsFillTheSharedOne() {
        Instant at = Instant.now().minusSeconds(60);
        byte[] payload =
                ("{\"panel_id\":\"X-1\",\"timestamp\":\"" + at + "\",\"power_w\":2.5}")
                        .getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("panel", 1, 7, "k", payload);
        BsonOutput documents = new BsonOutput(16);
        byte[] heads = new byte[DocumentArena.SHARED_HEADS_BYTES];
        documents.document("heads", heads, 0, heads.length);
        int full = documents.size();

        ParsedMessage parsed =
                IngestPipeline.parse(parser, DeviceKind.PANEL, record, at, documents);
        EncodedDocument document = MessageDocuments.encode(parsed, 1024);

        assertThat(parsed.head()).isNotNull();
        assertThat(documents.size()).as("the shared output as it was").isEqualTo(full);
        EncodedDocument alone =
                MessageDocuments.encode(
                        IngestPipeline.parse(
                                parser, DeviceKind.PANEL, record, at, new BsonOutput(16)),
                        1024);
        document.stamp(at);
        alone.stamp(at);
        assertThat(decode(document)).isEqualTo(decode(alone));
    }

    @Test
    void shouldLeaveADocumentAsItWasWhenTheMessageIsEncodedAgain() {
        Instant at = Instant.now().minusSeconds(60);
        byte[] payload =
                ("{\"panel_id\":\"X-1\",\"timestamp\":\"" + at + "\",\"power_w\":2.5}")
                        .getBytes(StandardCharsets.UTF_8);
        ParsedMessage parsed =
                IngestPipeline.parse(
                        parser,
                        DeviceKind.PANEL,
                        new ConsumerRecord<>("panel", 1, 7, "X-1", payload));
        assertThat(parsed.head()).as("msg_value written in the document's head").isNotNull();
        StretchEnrichment enrichment =
                StretchEnrichment.of(Enrichment.unknown(DeviceKind.PANEL, "X-1", at));
        ParsedMessage enriched = parsed.enriched(enrichment);

        EncodedDocument first = MessageDocuments.encode(parsed, 1024);
        Document before = decode(first);
        EncodedDocument second = MessageDocuments.encode(enriched, 1024);
        EncodedDocument third = MessageDocuments.encode(parsed, 1024);

        assertThat(decode(first)).as("the first document, unchanged").isEqualTo(before);
        assertThat(before).doesNotContainKey("enrichment_status");
        assertThat(before.get("msg_value", Document.class).getDouble("power_w")).isEqualTo(2.5);
        Document withEnrichment = new Document(before);
        withEnrichment.putAll(enrichment.fields());
        assertThat(decode(second)).isEqualTo(withEnrichment);
        assertThat(decode(third)).isEqualTo(before);
    }

    @Test
    void shouldKeepTheRawTextOfAMessageThatCannotBeADocumentWhole() {
        String json = "{\"panel_id\":\"X-1\",\"timestamp\":1,\"power_w\":1,\"a\\u0000b\":1}";
        Document alarm =
                decode(
                        MessageDocuments.encode(
                                message(json.getBytes(StandardCharsets.UTF_8)), 1024));
        assertThat(alarm.get("msg_value")).isEqualTo(json);
        assertThat(alarm.getString("text_alarm")).contains("NUL character");
        assertThat(alarm.getString("device_id")).isEqualTo("X-1");
        assertThat(alarm.containsKey("msg_value_cut")).isFalse();
    }

    @Test
    void shouldCutLongRawTextAtACharacterBoundaryAndSaySo() {
        byte[] payload = ("ñ".repeat(10) + "not json").getBytes(StandardCharsets.UTF_8);
        Document alarm = decode(MessageDocuments.encode(message(payload), 5));
        assertThat(alarm.get("msg_value"))
                .as("5 bytes would split the third ñ")
                .isEqualTo("ññ…[cut: the first 4 of 28 bytes]");
        assertThat(alarm.getBoolean("msg_value_cut")).isTrue();
        assertThat(alarm.getString("text_alarm")).startsWith("payload is not valid JSON");
        assertThat(alarm.getString("device_id")).as("the Kafka key").isEqualTo("key");
    }

    @Test
    void shouldLeaveOutAnEventTimeBeyondWhatADateCanHold() {
        String json =
                "{\"panel_id\":\"X-1\",\"timestamp\":\"+999999999-12-31T23:59:59Z\",\"power_w\":1}";
        ParsedMessage message = message(json.getBytes(StandardCharsets.UTF_8));
        assertThat(message.eventTime()).as("read, and out of bounds").isNotNull();
        Document alarm = decode(MessageDocuments.encode(message, 1024));
        assertThat(alarm.containsKey("event_time")).isTrue();
        assertThat(alarm.get("event_time")).isNull();
        assertThat(alarm.getString("text_alarm")).contains("in the future");
        assertThat(alarm.get("msg_value", Document.class).getString("panel_id")).isEqualTo("X-1");
        assertThat(message.latencyMillis(Instant.now())).isEqualTo(-1);
    }

    @Test
    void shouldMakeARefusedMessageAnAlarmWithItsRawTextAndBothReasons() {
        byte[] payload = "{\"panel_id\":\"X-1\"}".getBytes(StandardCharsets.UTF_8);
        MessageDocuments.Refused refused =
                MessageDocuments.refused(message(payload), "error 15: too deep", 1024);
        Document alarm = decode(refused.document());
        assertThat(alarm.get("msg_value")).isEqualTo("{\"panel_id\":\"X-1\"}");
        assertThat(alarm.getString("text_alarm"))
                .startsWith("MongoDB refused the message: error 15: too deep (it was invalid")
                .contains("required field 'timestamp' is missing");
        assertThat(refused.message().valid()).isFalse();

        Document bare = decode(MessageDocuments.bare(message(payload), "no way", 4));
        assertThat(bare)
                .containsEntry("device_id", "key")
                .containsEntry("event_time", null)
                .containsEntry("msg_value_cut", true)
                .containsEntry("text_alarm", "no way");
    }

    private static Document decode(EncodedDocument document) {
        return document.document().decode(new DocumentCodec());
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
