package io.controlautogeneracion.pipelines.wind;

import java.util.Locale;

/**
 * The {@code level} column of {@code wind_alarm}: the two wind thresholds, and an anemometer that
 * stopped reporting.
 */
public enum AlarmLevel {
    WARNING,
    STORM,
    SILENT;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
