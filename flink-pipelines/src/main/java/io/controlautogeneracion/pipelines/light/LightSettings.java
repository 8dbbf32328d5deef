package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.solar.LightEstimator;
import java.io.Serializable;

/**
 * The light batch's figures.
 *
 * @param referencePowerCap Wp of the reference panel when the catalog names none
 * @param windowDays days of hourly readings the optimal orientation is computed over
 * @param sunUpElevation degrees above which the sun is "well up" for the sensor alarms
 * @param nearZeroShare share of the clear-sky illuminance below which a reading is near zero
 * @param dropRatio share of the previous days' median at the same hour below which a reading is a
 *     drop (the element type's {@code lux_drop_ratio} wins)
 * @param historyDays previous days compared for a drop
 */
public record LightSettings(
        double luxPerWm2,
        double referencePowerCap,
        int windowDays,
        double sunUpElevation,
        double nearZeroShare,
        double dropRatio,
        int historyDays)
        implements Serializable {

    public static LightSettings defaults() {
        return new LightSettings(LightEstimator.DEFAULT_LUX_PER_WM2, 1000, 30, 15, 0.01, 0.3, 7);
    }

    public LightEstimator estimator() {
        return new LightEstimator(
                luxPerWm2,
                LightEstimator.DEFAULT_PERFORMANCE_RATIO,
                io.controlautogeneracion.solar.Transposition.DEFAULT_ALBEDO,
                io.controlautogeneracion.solar.Transposition.HAY_DAVIES,
                io.controlautogeneracion.solar.Site.DEFAULT_DELTA_T);
    }
}
