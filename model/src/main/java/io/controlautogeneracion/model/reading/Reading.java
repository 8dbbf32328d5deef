package io.controlautogeneracion.model.reading;

import java.time.Instant;

/** One validated device reading, whatever the kind of device that sent it. */
public sealed interface Reading permits PanelReading, LightReading, WindReading {

    /** The device id ({@code panel_id}, {@code light_id} or {@code wind_id}). */
    String deviceId();

    /** The event time the device stamped on the reading. */
    Instant timestamp();

    DeviceKind kind();
}
