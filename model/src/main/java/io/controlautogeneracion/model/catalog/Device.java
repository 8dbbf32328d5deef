package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.LocalDate;

/**
 * An installed unit: a {@link Panel}, a {@link SensorLight} or a {@link SensorWind}. JSON carries
 * no type tag; the id field ({@code panel_id}, {@code light_id}, {@code wind_id}) tells them apart.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
    @JsonSubTypes.Type(Panel.class),
    @JsonSubTypes.Type(SensorLight.class),
    @JsonSubTypes.Type(SensorWind.class)
})
public sealed interface Device permits Panel, SensorLight, SensorWind {
    DeviceKind kind();

    String deviceId();

    String model();

    LocalDate manufactureDate();

    LocalDate installDate();

    LocalDate endDate();
}
