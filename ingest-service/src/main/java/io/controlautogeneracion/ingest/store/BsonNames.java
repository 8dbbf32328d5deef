package io.controlautogeneracion.ingest.store;

import java.nio.charset.StandardCharsets;
import org.bson.BsonSerializationException;

/**
 * Element names as BSON writes them (UTF-8, then a NUL), encoded once each: a stored document
 * repeats the same few dozen names (its own fields, a device's, the insert command's array
 * indexes), millions of times. A fixed table shared by every thread; a name is kept in the first
 * free of the few slots from its own, or, when they are all taken, in its own slot instead of the
 * name there, so names that are met often stay. An entry is immutable (final fields), so a thread
 * sees it whole or not at all. Jackson gives a name read from JSON as the same interned instance
 * each time, so most look-ups end at an identity check.
 */
final class BsonNames {

    /** Names longer than this are encoded each time (no device field has one). */
    private static final int LONGEST_KEPT = 64;

    private static final int SLOTS = 4096;

    /** Slots a name may take from its own on: names whose slots meet do not evict each other. */
    private static final int PROBES = 4;

    /** Array indexes as names ("0", "1", …), the same instances every time. */
    private static final String[] INDEXES = new String[1024];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = Integer.toString(i);
        }
    }

    private record Entry(String name, byte[] cstring) {}

    private static final Entry[] TABLE = new Entry[SLOTS];

    private BsonNames() {}

    /** The name of the element at {@code index} of an array. */
    static String index(int index) {
        return index < INDEXES.length ? INDEXES[index] : Integer.toString(index);
    }

    /**
     * {@code name} as a BSON cstring: its UTF-8 bytes and a NUL.
     *
     * @throws BsonSerializationException when the name holds a NUL, as the driver does
     */
    static byte[] cstring(String name) {
        int hash = name.hashCode();
        int home = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        int free = -1;
        for (int probe = 0; probe < PROBES; probe++) {
            int slot = (home + probe) & (SLOTS - 1);
            Entry entry = TABLE[slot];
            if (entry == null) {
                if (free < 0) {
                    free = slot;
                }
            } else if (entry.name == name || entry.name.equals(name)) {
                return entry.cstring;
            }
        }
        byte[] cstring = encode(name);
        if (name.length() <= LONGEST_KEPT) {
            TABLE[free >= 0 ? free : home] = new Entry(name, cstring);
        }
        return cstring;
    }

    private static byte[] encode(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new BsonSerializationException(
                    "BSON cstring '"
                            + name
                            + "' is not valid because it contains a null character");
        }
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] cstring = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, cstring, 0, utf8.length);
        return cstring;
    }
}
