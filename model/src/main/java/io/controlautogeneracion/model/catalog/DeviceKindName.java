package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link io.controlautogeneracion.model.reading.DeviceKind} written in lower case ({@code panel},
 * {@code light}, {@code wind}, as in the catalog's keys and URLs) and read in any case.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = DeviceKinds.Writer.class)
@JsonDeserialize(using = DeviceKinds.Reader.class)
public @interface DeviceKindName {}
