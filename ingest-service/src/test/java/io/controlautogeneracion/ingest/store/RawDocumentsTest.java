package io.controlautogeneracion.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoClientSettings;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.BSONException;
import org.bson.BsonBinaryWriter;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The service's own BSON encoding against the driver's, byte for byte. */
class RawDocumentsTest {

    private final RawDocuments raw =
            new RawDocuments(MongoClientSettings.getDefaultCodecRegistry());

    @Test
    void shouldWriteTheSameBytesAsTheDriversCodec() throws Exception {
        ObjectNode reading =
                (ObjectNode)
                        new ObjectMapper()
                                .readTree(
                                        "{\"panel_id\":\"P-ñ€😀\",\"i\":1,\"l\":12345678901,\"d\":-0.5,"
                                            + "\"b\":true,\"f\":false,\"n\":null,"
                                            + "\"big\":123456789012345678901234567890,"
                                            + "\"a\":[1,{\"k\":\"v\"},[],\"x\"],\"o\":{\"p\":{}},"
                                            + "\"dotted.name\":2}");
        Document document = new Document("topic_id", "panel");
        document.put("timestamp", new Date(1_764_000_000_123L));
        document.put("msg_value", JsonToBson.toDocument(reading));
        document.put("event_time", null);
        document.put("partition", 1);
        document.put("offset", 123_456_789_012L);
        document.put("decimal", new Decimal128(new BigDecimal("-1.25E-3")));
        document.put("empty", "");
        document.put("client_id", "C-0001");

        RawBsonDocument encoded = raw.encode(document);

        assertThat(document.get("_id")).isInstanceOf(ObjectId.class);
        assertThat(bytes(encoded)).isEqualTo(driver(document));
        assertThat(encoded.getDocument("msg_value").getString("panel_id").getValue())
                .isEqualTo("P-ñ€😀");
    }

    @Test
    void shouldWriteAnIdGivenBeforeTheOtherFieldsAndKeepIt() {
        ObjectId id = new ObjectId();
        Document document = new Document("a", 1).append("_id", id).append("b", "x");

        RawBsonDocument encoded = raw.encode(document);

        assertThat(encoded.keySet()).containsExactly("_id", "a", "b");
        assertThat(encoded.getObjectId("_id").getValue()).isEqualTo(id);
        assertThat(bytes(encoded)).isEqualTo(driver(document));
    }

    @Test
    void shouldLeaveOtherTypesToTheDriversCodec() {
        Document document =
                new Document("ts", new BsonTimestamp(5, 1)).append("list", List.of(1L, 2.5));

        assertThat(bytes(raw.encode(document))).isEqualTo(driver(document));
    }

    @Test
    void shouldRefuseANameWithANulAsTheDriverDoes() {
        Document nested = new Document("bad\0name", 1);
        Document document = new Document("msg_value", nested);

        assertThatThrownBy(() -> raw.encode(document)).isInstanceOf(BSONException.class);
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
