package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Values of a secondary index as bytes whose order is the order of the values within their type
 * (numbers, strings, dates, object ids, booleans), each self-delimiting so that values can follow
 * each other in a compound key. Types are bracketed by a leading tag, so a range over dates never
 * reaches a string. Other types (documents, arrays as a whole, binary, ...) are stored as BSON
 * under a tag of their own: unordered, but never asked for by a range (see {@link #rangeType}).
 */
final class OrderedValues {
    static final byte NULL = 0x05;
    static final byte NUMBER = 0x10;
    static final byte STRING = 0x20;
    static final byte OBJECT_ID = 0x40;
    static final byte BOOLEAN = 0x50;
    static final byte DATE = 0x60;
    static final byte OTHER = 0x7F;

    private OrderedValues() {}

    /** Whether a query value can be looked up in the index (equality or a range bound). */
    static boolean supported(Object value) {
        return value instanceof Number
                || value instanceof String
                || value instanceof Instant
                || value instanceof Date
                || value instanceof ObjectId
                || value instanceof Boolean;
    }

    /** The tag of the type a range bound selects. */
    static byte rangeType(Object bound) {
        return encode(bound)[0];
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        write(out, value);
        return out.toByteArray();
    }

    static void write(ByteArrayOutputStream out, Object value) {
        if (value == null || value instanceof Missing) {
            out.write(NULL);
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d == 0.0) {
                d = 0.0; // -0.0 sorts with 0.0
            }
            long bits = Double.doubleToLongBits(d);
            bits = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
            out.write(NUMBER);
            out.writeBytes(ByteBuffer.allocate(8).putLong(bits).array());
        } else if (value instanceof String string) {
            out.write(STRING);
            for (byte b : string.getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                if (b == 0) {
                    out.write(0xFF); // an escaped NUL sorts after the terminator
                }
            }
            out.write(0);
            out.write(0);
        } else if (value instanceof Instant || value instanceof Date) {
            long millis = value instanceof Instant i ? i.toEpochMilli() : ((Date) value).getTime();
            out.write(DATE);
            out.writeBytes(ByteBuffer.allocate(8).putLong(millis ^ Long.MIN_VALUE).array());
        } else if (value instanceof ObjectId id) {
            out.write(OBJECT_ID);
            out.writeBytes(id.toByteArray());
        } else if (value instanceof Boolean b) {
            out.write(BOOLEAN);
            out.write(b ? 1 : 0);
        } else {
            out.write(OTHER);
            out.writeBytes(Bson.encode(new Document("v", value))); // BSON starts with its length
        }
    }
}
