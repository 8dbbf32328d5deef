package io.controlautogeneracion.catalog.store;

/** A document with its CAS, the version that ETag and If-Match carry. */
public record Versioned<T>(T value, long cas) {
    public String etag() {
        return "\"" + Long.toUnsignedString(cas) + "\"";
    }
}
