package io.controlautogeneracion.solar;

import java.time.Instant;

/**
 * One global horizontal irradiance reading (W/m²) at an instant, standing for the interval of the
 * given length (seconds) that starts there.
 */
public record IrradianceSample(Instant time, double ghi, double durationSeconds) {

    public IrradianceSample {
        if (time == null) {
            throw new IllegalArgumentException("time is required");
        }
        if (!(ghi >= 0) || Double.isInfinite(ghi)) {
            throw new IllegalArgumentException("ghi must be finite and >= 0, got " + ghi);
        }
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException(
                    "duration must be finite and >= 0 s, got " + durationSeconds);
        }
    }
}
