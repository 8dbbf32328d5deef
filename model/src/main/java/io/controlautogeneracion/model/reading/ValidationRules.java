package io.controlautogeneracion.model.reading;

import java.time.Duration;
import java.util.Objects;

/**
 * The configurable bounds of SPEC §3 that decide whether a reading is plausible: how far in the
 * future or the past its timestamp may be, and the physical maxima of illuminance and wind speed.
 */
public record ValidationRules(
        Duration maxFuture, Duration maxAge, double maxLux, double maxWindSpeed) {

    public ValidationRules {
        Objects.requireNonNull(maxFuture, "maxFuture");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxFuture.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException(
                    "maxFuture must be >= 0 and maxAge > 0, got " + maxFuture + ", " + maxAge);
        }
        if (!(maxLux > 0) || !(maxWindSpeed > 0)) {
            throw new IllegalArgumentException(
                    "maxLux and maxWindSpeed must be positive, got "
                            + maxLux
                            + ", "
                            + maxWindSpeed);
        }
    }

    /** 5 minutes ahead, 7 days back, 200 000 lux, 113 m/s (the strongest gust ever measured). */
    public static ValidationRules defaults() {
        return new ValidationRules(Duration.ofMinutes(5), Duration.ofDays(7), 200_000, 113);
    }
}
