package io.controlautogeneracion.model.time;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The Jackson readers the annotations {@link IsoInstant}, {@link IsoInstantOrDate} and {@link
 * IsoDate} name; each reads through {@link IsoTime}. Public so that native images can register them
 * for reflection.
 */
public final class IsoJson {
    private IsoJson() {}

    /** {@link IsoInstant}: ISO-8601 with offset, or a JSON integer of epoch milliseconds. */
    public static final class InstantReader extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        public InstantReader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(p.getLongValue());
            }
            String text = p.getValueAsString();
            Instant instant = text == null ? null : IsoTime.parseOrNull(text);
            if (instant == null) {
                return (Instant)
                        ctxt.handleWeirdStringValue(
                                Instant.class,
                                text,
                                "expected ISO-8601 with offset or epoch milliseconds");
            }
            return instant;
        }
    }

    /** {@link IsoInstantOrDate}: ISO-8601 with offset, or a bare date; blank is null. */
    public static final class InstantOrDateReader extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        public InstantOrDateReader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return IsoTime.parseInstantOrDate(text);
            } catch (DateTimeParseException e) {
                return (Instant)
                        ctxt.handleWeirdStringValue(
                                Instant.class, text, "not an ISO-8601 instant or date");
            }
        }
    }

    /** {@link IsoDate}: {@code yyyy-MM-dd}; blank is null. */
    public static final class DateReader extends StdScalarDeserializer<LocalDate> {
        private static final long serialVersionUID = 1L;

        public DateReader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            try {
                return IsoTime.parseDate(text);
            } catch (DateTimeParseException e) {
                return (LocalDate)
                        ctxt.handleWeirdStringValue(
                                LocalDate.class, text, "not an ISO date (yyyy-MM-dd)");
            }
        }
    }
}
