package io.controlautogeneracion.model.reading;

import java.time.Instant;
import java.util.Objects;

/** A reading of the {@code sensor-wind} topic: wind speed in m/s, optional direction and gust. */
public record WindReading(
        String windId, Instant timestamp, double windSpeed, Double windDirection, Double gust)
        implements Reading {

    public WindReading {
        Objects.requireNonNull(windId, "windId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public String deviceId() {
        return windId;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.WIND;
    }
}
