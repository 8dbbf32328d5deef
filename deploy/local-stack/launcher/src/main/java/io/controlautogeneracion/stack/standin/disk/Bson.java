package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/** Documents and index keys as BSON bytes, the stand-in's storage format. */
final class Bson {
    private Bson() {}

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    static Document decode(byte[] bytes) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /**
     * A key of a unique index as bytes: equal (normalized) keys give equal bytes. A missing value
     * is stored as null, as MongoDB indexes it.
     */
    static byte[] encodeKey(KeyValue key) {
        Document document = new Document();
        int i = 0;
        for (Object value : key) {
            document.put(Integer.toString(i++), value instanceof Missing ? null : value);
        }
        return encode(document);
    }

    static KeyValue decodeKey(byte[] bytes, int offset) {
        byte[] rest = new byte[bytes.length - offset];
        System.arraycopy(bytes, offset, rest, 0, rest.length);
        List<Object> values = new ArrayList<>(decode(rest).values());
        return new KeyValue(values);
    }
}
