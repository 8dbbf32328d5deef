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
 * A {@link java.time.Instant} of the catalog (the dates of a client–device relation, the instant of
 * an enrichment), written as ISO-8601 UTC ({@code 2026-06-01T00:00:00Z}) and read from ISO-8601
 * with any offset or from a bare date, its start in UTC ({@link IsoTime#parseInstantOrDate}); a
 * blank text is null. Unlike {@link IsoInstant} it takes no epoch milliseconds: the catalog's
 * documents and requests are written by people and tools as dates.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = ToStringSerializer.class)
@JsonDeserialize(using = IsoJson.InstantOrDateReader.class)
public @interface IsoInstantOrDate {}
