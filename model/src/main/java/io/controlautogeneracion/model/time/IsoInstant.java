package io.controlautogeneracion.model.time;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link java.time.Instant} written as ISO-8601 UTC ({@code 2026-11-28T13:00:00Z}) and read as a
 * timestamp ({@link IsoTime}): ISO-8601 with any offset, or a JSON integer of epoch milliseconds
 * (as some Druid answers give it). Carries its own (de)serialisers, so any {@code ObjectMapper}
 * reads and writes it the same, with or without the java.time module.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = ToStringSerializer.class)
@JsonDeserialize(using = IsoJson.InstantReader.class)
public @interface IsoInstant {}
