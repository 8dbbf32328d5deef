package io.controlautogeneracion.model.reading;

import java.time.Instant;
import java.util.Objects;

/**
 * A reading of the {@code panel} topic: instantaneous power plus the optional counter and
 * electrical figures; a null optional means the device did not send it.
 */
public record PanelReading(
        String panelId,
        Instant timestamp,
        double powerW,
        Double energyWh,
        Double voltageV,
        Double currentA,
        Double temperatureC)
        implements Reading {

    public PanelReading {
        Objects.requireNonNull(panelId, "panelId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public String deviceId() {
        return panelId;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.PANEL;
    }
}
