package io.controlautogeneracion.ingest.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.BsonSerializationException;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Encodes the service's documents to BSON bytes in one pass, for inserts that the driver then sends
 * as they are. The documents hold few value types (text, numbers, booleans, dates, nested documents
 * and lists from a device's JSON), written here straight into a byte array, text as UTF-8 in one
 * call; the driver's generic path looks up a codec for every value and writes text a character at a
 * time, which made encoding the largest CPU cost of a message. A document with any other type of
 * value is encoded by the driver's codec instead. The bytes are the same as the driver's (see
 * {@code RawDocumentsTest}). As the driver does for a document it inserts, an {@code _id} is
 * generated when absent, written first and kept in the document, so that sending it again is a
 * duplicate, not a second copy.
 */
final class RawDocuments {

    private static final String ID = "_id";
    private static final int INITIAL_BYTES = 512;

    private final CodecRegistry registry;

    RawDocuments(CodecRegistry registry) {
        this.registry = registry;
    }

    /** The documents as raw BSON; a value BSON cannot hold throws a {@code BSONException}. */
    List<RawBsonDocument> encode(List<Document> documents) {
        return documents.stream().map(this::encode).toList();
    }

    RawBsonDocument encode(Document document) {
        Object id = document.get(ID);
        if (id == null) {
            id = new ObjectId();
            document.put(ID, id);
        }
        Output out = new Output();
        try {
            int start = out.startDocument();
            field(out, ID, id);
            for (Map.Entry<String, Object> field : document.entrySet()) {
                if (!ID.equals(field.getKey())) {
                    field(out, field.getKey(), field.getValue());
                }
            }
            out.endDocument(start);
        } catch (OtherType e) {
            return withCodec(document);
        }
        return new RawBsonDocument(out.bytes, 0, out.size);
    }

    /** The driver's encoding, for a document holding a type this class does not write. */
    private RawBsonDocument withCodec(Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(INITIAL_BYTES);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            new DocumentCodec(registry)
                    .encode(
                            writer,
                            document,
                            EncoderContext.builder().isEncodingCollectibleDocument(true).build());
        }
        return new RawBsonDocument(buffer.toByteArray());
    }

    /** One element: its type and name, then its value; one dispatch on the value's type. */
    @SuppressWarnings("unchecked")
    private void field(Output out, String name, Object value) {
        if (value == null) {
            out.name(Output.NULL, name);
        } else if (value instanceof String text) {
            out.name(Output.STRING, name);
            out.string(text);
        } else if (value instanceof Double number) {
            out.name(Output.DOUBLE, name);
            out.int64(Double.doubleToRawLongBits(number));
        } else if (value instanceof Integer number) {
            out.name(Output.INT32, name);
            out.int32(number);
        } else if (value instanceof Long number) {
            out.name(Output.INT64, name);
            out.int64(number);
        } else if (value instanceof Boolean flag) {
            out.name(Output.BOOLEAN, name);
            out.put(flag ? (byte) 1 : (byte) 0);
        } else if (value instanceof Date date) {
            out.name(Output.DATE_TIME, name);
            out.int64(date.getTime());
        } else if (value instanceof Map<?, ?> map) {
            out.name(Output.DOCUMENT, name);
            int start = out.startDocument();
            for (Map.Entry<String, Object> field : ((Map<String, Object>) map).entrySet()) {
                field(out, field.getKey(), field.getValue());
            }
            out.endDocument(start);
        } else if (value instanceof List<?> list) {
            out.name(Output.ARRAY, name);
            int start = out.startDocument();
            int index = 0;
            for (Object element : list) {
                field(out, Integer.toString(index++), element);
            }
            out.endDocument(start);
        } else if (value instanceof Decimal128 number) {
            out.name(Output.DECIMAL128, name);
            out.int64(number.getLow());
            out.int64(number.getHigh());
        } else if (value instanceof ObjectId id) {
            out.name(Output.OBJECT_ID, name);
            out.put(id.toByteArray());
        } else {
            throw new OtherType();
        }
    }

    /** A value of a type only the driver's codecs write. */
    private static final class OtherType extends RuntimeException {
        OtherType() {
            super(null, null, false, false);
        }
    }

    /** A growing little-endian byte array in the BSON layout. */
    private static final class Output {
        static final byte DOUBLE = 0x01;
        static final byte STRING = 0x02;
        static final byte DOCUMENT = 0x03;
        static final byte ARRAY = 0x04;
        static final byte OBJECT_ID = 0x07;
        static final byte BOOLEAN = 0x08;
        static final byte DATE_TIME = 0x09;
        static final byte NULL = 0x0A;
        static final byte INT32 = 0x10;
        static final byte INT64 = 0x12;
        static final byte DECIMAL128 = 0x13;

        byte[] bytes = new byte[INITIAL_BYTES];
        int size;

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void put(byte b) {
            room(1);
            bytes[size++] = b;
        }

        void put(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void int32(int v) {
            room(4);
            bytes[size++] = (byte) v;
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 24);
        }

        void int64(long v) {
            int32((int) v);
            int32((int) (v >>> 32));
        }

        /** An element's type and name; a name with a NUL cannot be written. */
        void name(byte type, String name) {
            if (name.indexOf('\0') >= 0) {
                throw new BsonSerializationException(
                        "BSON cstring '"
                                + name
                                + "' is not valid because it contains a null character");
            }
            put(type);
            put(name.getBytes(StandardCharsets.UTF_8));
            put((byte) 0);
        }

        void string(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            int32(utf8.length + 1);
            put(utf8);
            put((byte) 0);
        }

        /** Reserves the length of a document or array; returns where it starts. */
        int startDocument() {
            int start = size;
            int32(0);
            return start;
        }

        void endDocument(int start) {
            put((byte) 0);
            int length = size - start;
            bytes[start] = (byte) length;
            bytes[start + 1] = (byte) (length >>> 8);
            bytes[start + 2] = (byte) (length >>> 16);
            bytes[start + 3] = (byte) (length >>> 24);
        }
    }
}
