package io.controlautogeneracion.pipelines.panel;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte-level pieces of a record a serializer encodes into one buffer ({@link
 * PanelSpanSerializer}): varints, zig-zag varints, doubles as their raw IEEE 754 bits
 * (little-endian) and strings that come back whatever their characters.
 */
final class RecordBytes {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private RecordBytes() {}

    /** A growing buffer a record is encoded into; {@link #clear} makes it ready for the next. */
    static final class Writer {
        private final String record;
        private byte[] bytes = new byte[4096];
        private int size;

        /**
         * @param record what is encoded, for the message of one too large
         */
        Writer(String record) {
            this.record = record;
        }

        void clear() {
            size = 0;
        }

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }

        private void ensure(long more) {
            if (bytes.length - size < more) {
                long needed = size + more;
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("a " + record + " too large to serialize");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, needed * 2));
            }
        }

        void oneByte(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void raw(double v) {
            ensure(8);
            LONGS.set(bytes, size, Double.doubleToRawLongBits(v));
            size += 8;
        }

        /**
         * Null as 0; otherwise the length and whether it is wide, then one byte a character when
         * all are below 0x80, else two (any {@code char}, unpaired surrogates included).
         */
        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            int n = s.length();
            boolean wide = false;
            for (int k = 0; k < n && !wide; k++) {
                wide = s.charAt(k) >= 0x80;
            }
            varint((((long) n << 1) | (wide ? 1 : 0)) + 1);
            if (!wide) {
                ensure(n);
                for (int k = 0; k < n; k++) {
                    bytes[size++] = (byte) s.charAt(k);
                }
            } else {
                ensure(2L * n);
                for (int k = 0; k < n; k++) {
                    char c = s.charAt(k);
                    bytes[size++] = (byte) c;
                    bytes[size++] = (byte) (c >>> 8);
                }
            }
        }
    }

    /** A record's bytes read back; anything out of bounds is a damaged record. */
    static final class Reader {
        private final byte[] bytes;
        private final int limit;
        private final String record;
        private int pos;

        /**
         * @param record what is read, for the messages of a damaged one
         */
        Reader(byte[] bytes, int limit, String record) {
            this.bytes = bytes;
            this.limit = limit;
            this.record = record;
        }

        /** Where reading stands. */
        int position() {
            return pos;
        }

        private void need(long n) throws IOException {
            if (n < 0 || n > limit - pos) {
                throw new IOException("a damaged serialized " + record + " (at byte " + pos + ")");
            }
        }

        int oneByte() throws IOException {
            need(1);
            return bytes[pos++] & 0xFF;
        }

        long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = oneByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("a damaged number in a serialized " + record);
        }

        long zigzag() throws IOException {
            long z = varint();
            return (z >>> 1) ^ -(z & 1);
        }

        int intZigzag() throws IOException {
            long v = zigzag();
            if (v != (int) v) {
                throw new IOException("a damaged count in a serialized " + record);
            }
            return (int) v;
        }

        /** A count of items of at least {@code minBytes} each, checked against what is left. */
        int count(long n, int minBytes) throws IOException {
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new IOException("a damaged count in a serialized " + record + ": " + n);
            }
            need(n * minBytes);
            return (int) n;
        }

        double raw() throws IOException {
            need(8);
            double d = Double.longBitsToDouble((long) LONGS.get(bytes, pos));
            pos += 8;
            return d;
        }

        String string() throws IOException {
            long header = varint();
            if (header == 0) {
                return null;
            }
            long n = (header - 1) >>> 1;
            boolean wide = ((header - 1) & 1) != 0;
            need(wide ? 2 * n : n);
            if (!wide) {
                String s = new String(bytes, pos, (int) n, StandardCharsets.ISO_8859_1);
                pos += (int) n;
                return s;
            }
            char[] chars = new char[(int) n];
            for (int k = 0; k < n; k++, pos += 2) {
                chars[k] = (char) ((bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8);
            }
            return new String(chars);
        }
    }
}
