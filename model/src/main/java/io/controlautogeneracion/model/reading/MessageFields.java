package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a message itself, as {@link FieldChecks} reads them: each name with its value (a
 * nested object or array as an empty one). A message has a handful, so they are kept in two arrays
 * and found by a scan that compares the names' hash codes first (a {@code String} keeps its own);
 * from the {@value #SCANNED}th field on they are kept in a map instead, so that finding a repeated
 * name stays one look-up however many fields a hostile message has.
 */
final class MessageFields {

    /** The most fields kept in the arrays. */
    private static final int SCANNED = 16;

    private String[] names = new String[8];
    private JsonNode[] values = new JsonNode[8];
    private int size;
    private Map<String, JsonNode> byName;

    /** The value of {@code name}, or null when the message has no such field. */
    JsonNode get(String name) {
        if (byName != null) {
            return byName.get(name);
        }
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (names[i].hashCode() == hash && name.equals(names[i])) {
                return values[i];
            }
        }
        return null;
    }

    boolean has(String name) {
        return get(name) != null;
    }

    /** Adds a field whose name is not there yet ({@link #has} said so). */
    void add(String name, JsonNode value) {
        if (byName != null) {
            byName.put(name, value);
            return;
        }
        if (size == SCANNED) {
            byName = new HashMap<>();
            for (int i = 0; i < size; i++) {
                byName.put(names[i], values[i]);
            }
            byName.put(name, value);
            return;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, SCANNED);
            values = Arrays.copyOf(values, SCANNED);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }
}
