package io.controlautogeneracion.catalog.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON (de)serialisation of catalog documents. The documents are stored as raw JSON bytes (the
 * SDK's {@code RawJsonTranscoder}) written by this one mapper, so the SDK's own serializer and its
 * repackaged Jackson never see the model classes.
 */
public final class CatalogDocuments {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private CatalogDocuments() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write " + document.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read a " + type.getSimpleName() + " document", e);
        }
    }
}
