package io.controlautogeneracion.stack.standin.disk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key space of the store (one RocksDB key space, ordered bytewise):
 *
 * <pre>
 * B name                       a database
 * C namespace                  → collection id (8 bytes)
 * N                            → the next collection id
 * M id                         → next position, count, data size of the collection
 * D id position                → the document (BSON); positions grow with each insert
 * I id index-name 0x00 key     → position, an entry of a unique index
 * X id index-name 0x00 values position    an entry of a secondary index (ordered values)
 * P id index-name 0x00         → next position, end position of a secondary index being built
 * </pre>
 */
final class Keys {
    static final byte DATABASE = 'B';
    static final byte COLLECTION = 'C';
    static final byte NEXT_COLLECTION = 'N';
    static final byte META = 'M';
    static final byte DOCUMENT = 'D';
    static final byte INDEX = 'I';
    static final byte SECONDARY = 'X';
    static final byte BUILDING = 'P';

    private Keys() {}

    static byte[] named(byte kind, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[utf8.length + 1];
        key[0] = kind;
        System.arraycopy(utf8, 0, key, 1, utf8.length);
        return key;
    }

    static String name(byte[] key) {
        return new String(key, 1, key.length - 1, StandardCharsets.UTF_8);
    }

    static byte[] of(byte kind, long id) {
        return ByteBuffer.allocate(9).put(kind).putLong(id).array();
    }

    static byte[] document(long id, long position) {
        return ByteBuffer.allocate(17).put(DOCUMENT).putLong(id).putLong(position).array();
    }

    static long position(byte[] documentKey) {
        return ByteBuffer.wrap(documentKey, 9, 8).getLong();
    }

    static byte[] indexPrefix(long id, String indexName) {
        byte[] utf8 = indexName.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(9 + utf8.length + 1)
                .put(INDEX)
                .putLong(id)
                .put(utf8)
                .put((byte) 0)
                .array();
    }

    static byte[] secondaryPrefix(long id, String indexName) {
        byte[] key = indexPrefix(id, indexName);
        key[0] = SECONDARY;
        return key;
    }

    static byte[] buildingMarker(long id, String indexName) {
        byte[] key = indexPrefix(id, indexName);
        key[0] = BUILDING;
        return key;
    }

    static byte[] concat(byte[] prefix, byte[] rest) {
        byte[] key = Arrays.copyOf(prefix, prefix.length + rest.length);
        System.arraycopy(rest, 0, key, prefix.length, rest.length);
        return key;
    }

    /** The smallest key after every key that starts with {@code prefix}. */
    static byte[] after(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        throw new IllegalArgumentException("no key after an all-0xFF prefix");
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length
                && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static long longOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }
}
