package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 readers for the catalog's dates, so the documents need no Java-time module on the
 * ObjectMapper that reads them (Flink jobs, the REST service and tests all use their own).
 */
public final class CatalogDates {
    private CatalogDates() {}

    /** Parses {@code 2026-06-01}; blank is null. */
    public static LocalDate parseDate(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    }

    /**
     * Parses {@code 2026-06-01T00:00:00Z} (any offset) or a bare date, read as its start in UTC;
     * blank is null.
     */
    public static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(t).toInstant();
        }
    }

    /** Jackson reader for {@link LocalDate} fields. */
    public static final class LocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
        private static final long serialVersionUID = 1L;

        public LocalDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return parseDate(text);
            } catch (DateTimeParseException e) {
                return (LocalDate)
                        ctxt.handleWeirdStringValue(
                                LocalDate.class, text, "not an ISO date (yyyy-MM-dd)");
            }
        }
    }

    /** Jackson reader for {@link Instant} fields. */
    public static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        public InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return parseInstant(text);
            } catch (DateTimeParseException e) {
                return (Instant)
                        ctxt.handleWeirdStringValue(
                                Instant.class, text, "not an ISO-8601 instant or date");
            }
        }
    }
}
