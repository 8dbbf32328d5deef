package io.controlautogeneracion.model.time;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

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
            return text(
                    p,
                    ctxt,
                    Instant.class,
                    IsoTime::parse,
                    "expected ISO-8601 with offset or epoch milliseconds");
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
            return text(
                    p,
                    ctxt,
                    Instant.class,
                    IsoTime::parseInstantOrDate,
                    "not an ISO-8601 instant or date");
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
            return text(
                    p, ctxt, LocalDate.class, IsoTime::parseDate, "not an ISO date (yyyy-MM-dd)");
        }
    }

    /**
     * The value {@code parse} reads from the current text; anything else (another token, text that
     * does not parse) goes to Jackson's problem handling, which by default fails with {@code
     * expected}.
     */
    private static <T> T text(
            JsonParser p,
            DeserializationContext ctxt,
            Class<T> type,
            Function<String, T> parse,
            String expected)
            throws IOException {
        String text = p.getValueAsString();
        if (text == null) {
            return type.cast(ctxt.handleUnexpectedToken(type, p));
        }
        try {
            return parse.apply(text);
        } catch (DateTimeParseException e) {
            return type.cast(ctxt.handleWeirdStringValue(type, text, expected));
        }
    }
}
