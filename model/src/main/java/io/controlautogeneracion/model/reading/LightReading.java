package io.controlautogeneracion.model.reading;

import java.time.Instant;
import java.util.Objects;

/** A reading of the {@code sensor-light} topic: illuminance in lux and an optional temperature. */
public record LightReading(String lightId, Instant timestamp, double lux, Double temperatureC)
        implements Reading {

    public LightReading {
        Objects.requireNonNull(lightId, "lightId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public String deviceId() {
        return lightId;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.LIGHT;
    }
}
