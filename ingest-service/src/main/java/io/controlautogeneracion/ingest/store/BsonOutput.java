package io.controlautogeneracion.ingest.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.bson.RawBsonDocument;
import org.bson.types.Decimal128;

/**
 * A document written straight into a growing byte array in the BSON layout (little-endian, lengths
 * back-patched), element by element: the service's documents hold few value types, and writing them
 * here costs a fraction of the driver's generic path (a codec looked up per value, text written a
 * character at a time). A device's JSON is written from its Jackson tree with the rules of {@link
 * #json}. The bytes equal the driver's encoding of the same values ({@code BsonOutputTest}, {@code
 * MessageDocumentsTest}).
 */
public final class BsonOutput {

    static final byte DOUBLE = 0x01;
    static final byte STRING = 0x02;
    static final byte DOCUMENT = 0x03;
    static final byte ARRAY = 0x04;
    static final byte BOOLEAN = 0x08;
    static final byte DATE_TIME = 0x09;
    static final byte NULL = 0x0A;
    static final byte INT32 = 0x10;
    static final byte INT64 = 0x12;
    static final byte DECIMAL128 = 0x13;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** 10 to the power of the index, up to the largest long. */
    private static final long[] POWERS_OF_TEN = new long[19];

    /** "00" to "99", as ASCII. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] bytes;
    private int size;

    public BsonOutput(int initialBytes) {
        bytes = new byte[Math.max(16, initialBytes)];
    }

    /** How many bytes were written. */
    public int size() {
        return size;
    }

    /** How many bytes it holds without growing. */
    public int capacity() {
        return bytes.length;
    }

    /** Forgets what was written from {@code at} on (a point {@link #size} returned). */
    public void truncate(int at) {
        if (at < 0 || at > size) {
            throw new IllegalArgumentException("cannot go back to " + at + " of " + size);
        }
        size = at;
    }

    /**
     * A new output holding the first {@code length} bytes written here, with room for as many
     * again.
     */
    public BsonOutput copyOf(int length) {
        if (length < 0 || length > size) {
            throw new IllegalArgumentException("cannot copy " + length + " of " + size);
        }
        BsonOutput copy = new BsonOutput(2 * length);
        System.arraycopy(bytes, 0, copy.bytes, 0, length);
        copy.size = length;
        return copy;
    }

    /** Reserves the length of a document or array; returns where it starts, for {@link #end}. */
    public int start() {
        int start = size;
        int32(0);
        return start;
    }

    /** Ends the document or array begun at {@code start}. */
    public void end(int start) {
        put((byte) 0);
        int length = size - start;
        int32At(start, length);
    }

    /** Opens a nested document named {@code name}; close it with {@link #end}. */
    public int startDocument(String name) {
        name(DOCUMENT, name);
        return start();
    }

    /** Opens an array named {@code name}; close it with {@link #end}. */
    public int startArray(String name) {
        name(ARRAY, name);
        return start();
    }

    /** Text, or BSON null when {@code value} is null. */
    public void string(String name, String value) {
        if (value == null) {
            name(NULL, name);
            return;
        }
        name(STRING, name);
        int at = size;
        int32(0);
        int length = text(value);
        put((byte) 0);
        int32At(at, length + 1);
    }

    /**
     * Text from a small set that documents repeat (a topic's name), encoded once ({@link
     * BsonNames}); it holds no NUL.
     */
    public void knownString(String name, String value) {
        name(STRING, name);
        byte[] cstring = BsonNames.cstring(value);
        int32(cstring.length);
        put(cstring);
    }

    /**
     * The text {@code <first>/<second>/<third>} (a message's position in Kafka: its topic, known,
     * its partition and offset, at least 0), written without being built first.
     */
    public void position(String name, String first, int second, long third) {
        name(STRING, name);
        int at = size;
        int32(0);
        byte[] prefix = BsonNames.cstring(first);
        room(prefix.length);
        System.arraycopy(prefix, 0, bytes, size, prefix.length - 1);
        size += prefix.length - 1;
        put((byte) '/');
        digits(second);
        put((byte) '/');
        digits(third);
        put((byte) 0);
        int32At(at, size - at - 4);
    }

    /** The decimal digits of {@code value}, at least 0: two a division, from the last. */
    private void digits(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a position is never negative: " + value);
        }
        int count = 1;
        while (count < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[count]) {
            count++;
        }
        room(count);
        int at = size + count;
        long rest = value;
        while (rest > Integer.MAX_VALUE) {
            long quotient = rest / 100;
            at = pair(at, (int) (rest - quotient * 100));
            rest = quotient;
        }
        int small = (int) rest;
        while (small >= 100) {
            int quotient = small / 100;
            at = pair(at, small - quotient * 100);
            small = quotient;
        }
        if (small >= 10) {
            pair(at, small);
        } else {
            bytes[at - 1] = (byte) ('0' + small);
        }
        size += count;
    }

    /** Writes the two digits of {@code twoDigits} (0 to 99) before {@code end}; returns where. */
    private int pair(int end, int twoDigits) {
        bytes[end - 1] = DIGIT_PAIRS[2 * twoDigits + 1];
        bytes[end - 2] = DIGIT_PAIRS[2 * twoDigits];
        return end - 2;
    }

    public void int32(String name, int value) {
        name(INT32, name);
        int32(value);
    }

    public void int64(String name, long value) {
        name(INT64, name);
        int64(value);
    }

    public void bool(String name, boolean value) {
        name(BOOLEAN, name);
        put(value ? (byte) 1 : (byte) 0);
    }

    /** A date in milliseconds since the epoch; returns where its value is, for {@link #patch}. */
    public int date(String name, long epochMillis) {
        name(DATE_TIME, name);
        int at = size;
        int64(epochMillis);
        return at;
    }

    public void nullValue(String name) {
        name(NULL, name);
    }

    public void doubleValue(String name, double value) {
        name(DOUBLE, name);
        int64(Double.doubleToRawLongBits(value));
    }

    public void decimal128(String name, Decimal128 value) {
        name(DECIMAL128, name);
        int64(value.getLow());
        int64(value.getHigh());
    }

    /** A document encoded before ({@code length} bytes at {@code offset}), copied as it is. */
    public void document(String name, byte[] encoded, int offset, int length) {
        name(DOCUMENT, name);
        room(length);
        System.arraycopy(encoded, offset, bytes, size, length);
        size += length;
    }

    /** Elements written before by another output ({@link #elements}), copied as they are. */
    public void elements(byte[] encoded) {
        put(encoded);
    }

    /**
     * A JSON value as its BSON counterpart: objects as documents (field names as sent), arrays,
     * text, booleans, null; integers as int32 or int64 by size, larger ones as Decimal128 (or their
     * text beyond its 34 digits); decimals as doubles when the parser read them so, as Decimal128
     * (or text) when it kept them exact.
     */
    public void json(String name, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                int start = startDocument(name);
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    json(field.getKey(), field.getValue());
                }
                end(start);
            }
            case ARRAY -> {
                int start = startArray(name);
                int index = 0;
                for (JsonNode element : node) {
                    json(BsonNames.index(index++), element);
                }
                end(start);
            }
            case STRING -> string(name, node.textValue());
            case BOOLEAN -> bool(name, node.booleanValue());
            case NUMBER -> number(name, node);
            case NULL -> nullValue(name);
            default -> string(name, node.asText());
        }
    }

    private void number(String name, JsonNode node) {
        if (node.isInt()) {
            int32(name, node.intValue());
        } else if (node.isLong()) {
            int64(name, node.longValue());
        } else if (node.isBigInteger()) {
            bigInteger(name, node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            decimal(name, node.decimalValue(), node.asText());
        } else {
            doubleValue(name, node.doubleValue());
        }
    }

    /** An integer as int64 when it fits a long, else as {@link #decimal}. */
    public void bigInteger(String name, BigInteger value) {
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            int64(name, value.longValue());
        } else {
            decimal(name, new BigDecimal(value), value.toString());
        }
    }

    /** Decimal128 when it fits (34 digits), else {@code text}, the number as sent. */
    private void decimal(String name, BigDecimal value, String text) {
        Decimal128 decimal;
        try {
            decimal = new Decimal128(value);
        } catch (NumberFormatException | ArithmeticException e) {
            string(name, text);
            return;
        }
        decimal128(name, decimal);
    }

    /** Overwrites the 8 bytes at {@code at} (a value written by {@link #date}) with {@code v}. */
    static void patch(byte[] bytes, int at, long v) {
        for (int i = 0; i < 8; i++) {
            bytes[at + i] = (byte) (v >>> (8 * i));
        }
    }

    /**
     * The document started at {@code start} and ended last, sharing this output's array (an output
     * that grows afterwards leaves it where it is), stamped through the date at {@code stampAt}
     * (see {@link #date}).
     */
    public EncodedDocument encoded(int start, int stampAt) {
        if (start < 0 || start >= size) {
            throw new IllegalArgumentException("no document at " + start + " of " + size);
        }
        return new EncodedDocument(bytes, start, size - start, stampAt);
    }

    /**
     * Writes again, after what it holds, the bytes written from {@code from} to {@code to}; returns
     * where the copy starts.
     */
    public int again(int from, int to) {
        if (from < 0 || from > to || to > size) {
            throw new IllegalArgumentException("cannot copy " + from + " to " + to + " of " + size);
        }
        int at = size;
        room(to - from);
        System.arraycopy(bytes, from, bytes, at, to - from);
        size += to - from;
        return at;
    }

    /** The document written (started at 0 and ended), sharing this output's array. */
    public RawBsonDocument document() {
        return new RawBsonDocument(bytes, 0, size);
    }

    /** What was written, as a copy (elements to be copied into other documents). */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /**
     * An element's type and name ({@link BsonNames}: encoded once); a name with a NUL cannot be
     * written, as in the driver.
     */
    void name(byte type, String name) {
        byte[] cstring = BsonNames.cstring(name);
        int length = cstring.length;
        room(1 + length);
        bytes[size++] = type;
        System.arraycopy(cstring, 0, bytes, size, length);
        size += length;
    }

    /**
     * Writes {@code text} as UTF-8; returns how many bytes that took. Names and values are nearly
     * always ASCII, written a character a byte without an intermediate array; other text is encoded
     * by the JDK.
     */
    private int text(String text) {
        int length = text.length();
        room(length);
        byte[] into = bytes;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                put(utf8);
                return utf8.length;
            }
            into[at + i] = (byte) c;
        }
        size = at + length;
        return length;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private void put(byte b) {
        room(1);
        bytes[size++] = b;
    }

    private void put(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    private void int32(int v) {
        room(4);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 24);
    }

    /** Overwrites the 4 bytes at {@code at} (a length reserved before) with {@code v}. */
    private void int32At(int at, int v) {
        bytes[at] = (byte) v;
        bytes[at + 1] = (byte) (v >>> 8);
        bytes[at + 2] = (byte) (v >>> 16);
        bytes[at + 3] = (byte) (v >>> 24);
    }

    private void int64(long v) {
        int32((int) v);
        int32((int) (v >>> 32));
    }
}
