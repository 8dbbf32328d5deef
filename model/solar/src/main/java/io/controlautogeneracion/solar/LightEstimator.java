package io.controlautogeneracion.solar;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Light-sensor estimates of SPEC §6: GHI ≈ lux / 120 (a daylight luminous efficacy of about 120
 * lm/W, ±10–15 % with sky conditions), POA by Erbs + transposition at the NREL SPA sun position,
 * and power = power_cap × POA / 1000 × performance ratio. Immutable and serializable, so a Flink
 * function can hold one.
 */
public final class LightEstimator implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_LUX_PER_WM2 = 120.0;
    public static final double DEFAULT_PERFORMANCE_RATIO = 0.8;

    private final double luxPerWm2;
    private final double performanceRatio;
    private final double albedo;
    private final Transposition model;
    private final double deltaT;

    /** Defaults: 120 lux per W/m², performance ratio 0.8, albedo 0.2, Hay-Davies, ΔT 69 s. */
    public LightEstimator() {
        this(
                DEFAULT_LUX_PER_WM2,
                DEFAULT_PERFORMANCE_RATIO,
                Transposition.DEFAULT_ALBEDO,
                Transposition.HAY_DAVIES,
                Site.DEFAULT_DELTA_T);
    }

    public LightEstimator(
            double luxPerWm2,
            double performanceRatio,
            double albedo,
            Transposition model,
            double deltaT) {
        if (!(luxPerWm2 > 0) || Double.isInfinite(luxPerWm2)) {
            throw new IllegalArgumentException("lux per W/m² must be > 0, got " + luxPerWm2);
        }
        if (!(performanceRatio > 0 && performanceRatio <= 1)) {
            throw new IllegalArgumentException(
                    "performance ratio must be within (0, 1], got " + performanceRatio);
        }
        if (!(albedo >= 0 && albedo <= 1)) {
            throw new IllegalArgumentException("albedo must be within [0, 1], got " + albedo);
        }
        if (model == null) {
            throw new IllegalArgumentException("transposition model is required");
        }
        this.luxPerWm2 = luxPerWm2;
        this.performanceRatio = performanceRatio;
        this.albedo = albedo;
        this.model = model;
        this.deltaT = deltaT;
    }

    /** Global horizontal irradiance (W/m²) from illuminance (lux); negative readings count as 0. */
    public double ghiFromLux(double lux) {
        return Math.max(0, lux) / luxPerWm2;
    }

    /**
     * Estimated DC power (W) of a panel of the given peak power for a plane-of-array irradiance.
     */
    public double power(double powerCapWp, double poa) {
        return powerCapWp * poa / 1000.0 * performanceRatio;
    }

    /**
     * Estimate for one reading of a sensor at (lat, lon) and sea level, for a panel of the given
     * tilt, azimuth (from north, eastward; 180 = south) and peak power (Wp).
     */
    public LightEstimate estimate(
            double latitude,
            double longitude,
            double tilt,
            double azimuth,
            double powerCapWp,
            Instant instant,
            double lux) {
        Site site =
                new Site(
                        latitude,
                        longitude,
                        0,
                        Site.standardPressure(0),
                        Site.DEFAULT_TEMPERATURE,
                        deltaT);
        return estimate(site, new Plane(tilt, azimuth), powerCapWp, instant, lux);
    }

    /** As above for a site with its own elevation and air. */
    public LightEstimate estimate(
            Site site, Plane plane, double powerCapWp, Instant instant, double lux) {
        if (!(powerCapWp >= 0) || Double.isInfinite(powerCapWp)) {
            throw new IllegalArgumentException("power cap must be >= 0 Wp, got " + powerCapWp);
        }
        double ghi = ghiFromLux(lux);
        SolarPosition sun = Spa.position(instant, site);
        int day = instant.atOffset(ZoneOffset.UTC).getDayOfYear();
        double e0 = Extraterrestrial.irradiance(day);
        IrradianceComponents sky = Erbs.decomposeWithExtraterrestrial(ghi, sun.zenith(), e0);
        double poa =
                model.planeOfArray(plane, sun.zenith(), sun.azimuth(), sky, e0, albedo).global();
        return new LightEstimate(
                ghi,
                sky.dni(),
                sky.dhi(),
                poa,
                power(powerCapWp, poa),
                sun.zenith(),
                sun.azimuth());
    }
}
