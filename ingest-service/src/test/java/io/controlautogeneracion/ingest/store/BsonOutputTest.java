package io.controlautogeneracion.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoClientSettings;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.BSONException;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/** The service's own BSON writer against the driver's codec, byte for byte. */
class BsonOutputTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWriteTheSameBytesAsTheDriversCodec() throws Exception {
        String id = "panel/0/42";
        BsonOutput out = new BsonOutput(16);
        int start = out.start();
        out.string("_id", id);
        out.string("topic_id", "panel");
        int stampAt = out.date("timestamp", 1_764_000_000_123L);
        int nested = out.startDocument("msg_value");
        out.string("panel_id", "P-ñ€😀");
        out.end(nested);
        out.nullValue("event_time");
        out.int32("partition", 1);
        out.int64("offset", 123_456_789_012L);
        out.doubleValue("d", -0.5);
        out.bool("b", false);
        out.decimal128("decimal", new Decimal128(new BigDecimal("-1.25E-3")));
        out.string("empty", "");
        out.string("nothing", null);
        out.string("nåme", "x");
        out.end(start);

        Document expected =
                new Document("_id", id)
                        .append("topic_id", "panel")
                        .append("timestamp", new Date(1_764_000_000_123L))
                        .append("msg_value", new Document("panel_id", "P-ñ€😀"))
                        .append("event_time", null)
                        .append("partition", 1)
                        .append("offset", 123_456_789_012L)
                        .append("d", -0.5)
                        .append("b", false)
                        .append("decimal", new Decimal128(new BigDecimal("-1.25E-3")))
                        .append("empty", "")
                        .append("nothing", null)
                        .append("nåme", "x");
        EncodedDocument encoded = out.encoded(0, stampAt);
        assertThat(bytes(encoded.document())).isEqualTo(driver(expected));

        Instant ingest = Instant.parse("2026-12-05T07:00:00.456Z");
        encoded.stamp(ingest);
        expected.put("timestamp", Date.from(ingest));
        assertThat(bytes(encoded.document()))
                .as("stamped in place, nothing else changed")
                .isEqualTo(driver(expected));
    }

    @Test
    void shouldKeepEveryJsonTypeAsItsBsonCounterpart() throws Exception {
        ObjectNode node =
                (ObjectNode)
                        json.readTree(
                                "{\"s\":\"x\",\"i\":1,\"l\":12345678901,\"d\":1.5,\"b\":true,\"n\":null,"
                                    + "\"long\":-9223372036854775808,"
                                    + "\"big\":123456789012345678901234567890,"
                                    + "\"huge\":1234567890123456789012345678901234567890,"
                                    + "\"a\":[1,{\"k\":\"v\"},[]],\"o\":{\"p\":{}},"
                                    + "\"a.b\":1,\"ok$\":{\"c.d\":3}}");
        Document document = decode(document("msg_value", node)).get("msg_value", Document.class);

        assertThat(document.get("s")).isEqualTo("x");
        assertThat(document.get("i")).isEqualTo(1);
        assertThat(document.get("l")).isEqualTo(12345678901L);
        assertThat(document.get("d")).isEqualTo(1.5);
        assertThat(document.get("b")).isEqualTo(true);
        assertThat(document.containsKey("n")).isTrue();
        assertThat(document.get("n")).isNull();
        assertThat(document.get("long")).isEqualTo(Long.MIN_VALUE);
        assertThat(document.get("big"))
                .isEqualTo(new Decimal128(new BigDecimal("123456789012345678901234567890")));
        assertThat(document.get("huge"))
                .as("beyond 34 digits: its text")
                .isEqualTo("1234567890123456789012345678901234567890");
        assertThat(document.getList("a", Object.class))
                .containsExactly(1, new Document("k", "v"), List.of());
        assertThat(document.get("o", Document.class).get("p")).isEqualTo(new Document());
        assertThat(document.get("ok$", Document.class).get("c.d")).isEqualTo(3);
        assertThat(List.copyOf(document.keySet()))
                .as("names and order as sent")
                .containsExactly(
                        "s", "i", "l", "d", "b", "n", "long", "big", "huge", "a", "o", "a.b",
                        "ok$");
    }

    @Test
    void shouldCopyElementsWrittenElsewhere() {
        BsonOutput fields = new BsonOutput(16);
        fields.string("client_id", "C-1");
        fields.string("name", null);
        BsonOutput out = new BsonOutput(16);
        int start = out.start();
        out.int32("a", 1);
        out.elements(fields.toByteArray());
        out.end(start);

        assertThat(decode(out.document()))
                .isEqualTo(new Document("a", 1).append("client_id", "C-1").append("name", null));
    }

    @Test
    void shouldWriteAPositionAsTheDriverDoes() {
        long[] offsets = {
            0, 7, 9, 10, 99, 100, 123_456_789_012L, Long.MAX_VALUE, 2_147_483_647L, 2_147_483_648L
        };
        BsonOutput out = new BsonOutput(16);
        Document expected = new Document();
        int start = out.start();
        for (int i = 0; i < offsets.length; i++) {
            out.position("p" + i, "StreamingPanel", i * 5, offsets[i]);
            expected.append("p" + i, "StreamingPanel/" + i * 5 + "/" + offsets[i]);
        }
        out.knownString("topic_id", "StreamingPanel");
        expected.append("topic_id", "StreamingPanel");
        out.end(start);

        assertThat(bytes(out.document())).isEqualTo(driver(expected));
        assertThat(MessageDocuments.id("StreamingPanel", 30, 123_456_789_012L))
                .isEqualTo(expected.get("p6"));
    }

    @Test
    void shouldWriteNamesMetBeforeAsTheDriverDoes() {
        // More names than the table has slots, in two documents: slots shared, names kept apart.
        Document expected = new Document();
        for (int i = 0; i < 5_000; i++) {
            expected.append("f" + i + (i % 3 == 0 ? "-ñ€" : ""), i);
        }
        for (int round = 0; round < 2; round++) {
            BsonOutput out = new BsonOutput(16);
            int start = out.start();
            for (String name : expected.keySet()) {
                out.int32(new String(name), expected.getInteger(name));
            }
            out.end(start);

            assertThat(bytes(out.document())).isEqualTo(driver(expected));
        }
    }

    @Test
    void shouldRefuseANegativePosition() {
        BsonOutput out = new BsonOutput(16);

        assertThatThrownBy(() -> out.position("_id", "StreamingPanel", 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseANameWithANulAsTheDriverDoes() throws Exception {
        ObjectNode node = (ObjectNode) json.readTree("{\"bad\\u0000name\":1}");

        assertThatThrownBy(() -> document("msg_value", node)).isInstanceOf(BSONException.class);
    }

    private static RawBsonDocument document(String name, ObjectNode node) {
        BsonOutput out = new BsonOutput(16);
        int start = out.start();
        out.json(name, node);
        out.end(start);
        return out.document();
    }

    private static Document decode(RawBsonDocument document) {
        return document.decode(new DocumentCodec());
    }

    private static byte[] bytes(RawBsonDocument document) {
        var buffer = document.getByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] driver(Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry())
                    .encode(
                            writer,
                            document,
                            EncoderContext.builder().isEncodingCollectibleDocument(true).build());
        }
        return Arrays.copyOf(buffer.getInternalBuffer(), buffer.getPosition());
    }
}
