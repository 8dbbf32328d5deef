package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How Druid rows write time: instants as ISO-8601 UTC strings ({@code 2026-11-28T13:00:00Z}) and
 * dates as {@code 2026-11-28}. The annotations carry their own (de)serialisers, so rows come out
 * the same from any {@code ObjectMapper}, with or without the java.time module.
 */
public final class DruidJson {

    private DruidJson() {}

    /** An {@link Instant} written as ISO-8601 UTC; read from ISO-8601 with offset or epoch ms. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonSerialize(using = ToStringSerializer.class)
    @JsonDeserialize(using = InstantDeserializer.class)
    public @interface IsoInstant {}

    /** A {@link LocalDate} written and read as {@code yyyy-MM-dd}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonSerialize(using = ToStringSerializer.class)
    @JsonDeserialize(using = DateDeserializer.class)
    public @interface IsoDate {}

    /** ISO-8601 with offset; Druid SQL answers {@code __time} in this form. */
    static Instant parseInstant(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(p.getLongValue());
            }
            String text = p.getValueAsString();
            try {
                return parseInstant(text);
            } catch (DateTimeException | NullPointerException e) {
                return (Instant)
                        ctxt.handleWeirdStringValue(
                                Instant.class, text, "expected ISO-8601 with offset");
            }
        }
    }

    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {
        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException | NullPointerException e) {
                return (LocalDate)
                        ctxt.handleWeirdStringValue(LocalDate.class, text, "expected yyyy-MM-dd");
            }
        }
    }
}
