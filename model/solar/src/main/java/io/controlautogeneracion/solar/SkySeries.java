package io.controlautogeneracion.solar;

import java.time.ZoneOffset;
import java.util.List;

/**
 * A site's GHI samples with the sun position (NREL SPA), Erbs split and transposition terms
 * computed once per sample, so the irradiation of any plane is one pass of a few multiplications
 * per sunlit sample. Energies are in Wh/m² per sample and kWh/m² in totals.
 */
public final class SkySeries {

    private final double albedo;
    private final double[] sunEast;
    private final double[] sunNorth;
    private final double[] sunUp;
    // Wh/m² multiplying max(0, cos AOI): beam plus the circumsolar part of the diffuse.
    private final double[] direct;
    // Wh/m² of isotropic sky diffuse on the horizontal, scaled by (1 + cos β) / 2.
    private final double[] isotropic;
    // Wh/m² of GHI, the source of ground reflection, scaled by ρ (1 − cos β) / 2.
    private final double[] global;
    // Only the samples with direct > 0, packed as (east, north, up, direct) for the hot loop.
    private final double[] sunlit;
    private final double isotropicTotal;
    private final double globalTotal;

    private SkySeries(
            double albedo,
            double[] sunEast,
            double[] sunNorth,
            double[] sunUp,
            double[] direct,
            double[] isotropic,
            double[] global) {
        this.albedo = albedo;
        this.sunEast = sunEast;
        this.sunNorth = sunNorth;
        this.sunUp = sunUp;
        this.direct = direct;
        this.isotropic = isotropic;
        this.global = global;
        int count = 0;
        double iso = 0;
        double ghi = 0;
        for (int i = 0; i < direct.length; i++) {
            count += direct[i] > 0 ? 1 : 0;
            iso += isotropic[i];
            ghi += global[i];
        }
        sunlit = new double[4 * count];
        for (int i = 0, k = 0; i < direct.length; i++) {
            if (direct[i] > 0) {
                sunlit[k++] = sunEast[i];
                sunlit[k++] = sunNorth[i];
                sunlit[k++] = sunUp[i];
                sunlit[k++] = direct[i];
            }
        }
        isotropicTotal = iso;
        globalTotal = ghi;
    }

    /**
     * Prepares samples for one site: one SPA evaluation per sunlit sample (about 5 µs each, so a
     * year of 1-minute samples costs one to three seconds on one core), then Erbs and the
     * transposition terms.
     */
    public static SkySeries prepare(
            Site site, List<IrradianceSample> samples, Transposition model, double albedo) {
        if (!(albedo >= 0 && albedo <= 1)) {
            throw new IllegalArgumentException("albedo must be within [0, 1], got " + albedo);
        }
        int n = samples.size();
        double[] east = new double[n];
        double[] north = new double[n];
        double[] up = new double[n];
        double[] direct = new double[n];
        double[] isotropic = new double[n];
        double[] global = new double[n];
        for (int i = 0; i < n; i++) {
            IrradianceSample sample = samples.get(i);
            double hours = sample.durationSeconds() / 3600.0;
            global[i] = sample.ghi() * hours;
            if (hours == 0 || sample.ghi() == 0) {
                continue; // night or an empty interval: no sun position needed
            }
            SolarPosition sun = Spa.position(sample.time(), site);
            double[] s = SurfaceGeometry.unitVector(sun.zenith(), sun.azimuth());
            east[i] = s[0];
            north[i] = s[1];
            up[i] = s[2];
            int day = sample.time().atOffset(ZoneOffset.UTC).getDayOfYear();
            double e0 = Extraterrestrial.irradiance(day);
            IrradianceComponents sky =
                    Erbs.decomposeWithExtraterrestrial(sample.ghi(), sun.zenith(), e0);
            double a = model.anisotropyIndex(sky.dni(), e0);
            direct[i] =
                    (sky.dni() + Transposition.circumsolarPerCosAoi(sky.dhi(), a, sun.zenith()))
                            * hours;
            isotropic[i] = sky.dhi() * (1 - a) * hours;
        }
        return new SkySeries(albedo, east, north, up, direct, isotropic, global);
    }

    /** Number of samples. */
    public int size() {
        return direct.length;
    }

    /** Irradiation on the horizontal over the series, kWh/m². */
    public double horizontalIrradiation() {
        return globalTotal / 1000.0;
    }

    /** Irradiation on a plane over the series, kWh/m². */
    public double irradiation(Plane plane) {
        double[] n = plane.normal();
        double nx = n[0];
        double ny = n[1];
        double nz = n[2];
        double sum = 0;
        for (int k = 0; k < sunlit.length; k += 4) {
            double cos = sunlit[k] * nx + sunlit[k + 1] * ny + sunlit[k + 2] * nz;
            if (cos > 0) {
                sum += sunlit[k + 3] * cos;
            }
        }
        double sky = isotropicTotal * (1 + nz) / 2 + globalTotal * albedo * (1 - nz) / 2;
        return (sum + sky) / 1000.0;
    }

    /** Irradiation on a plane sample by sample, Wh/m², in the order of the samples given. */
    public double[] irradiationPerSample(Plane plane) {
        double[] n = plane.normal();
        double[] out = new double[direct.length];
        for (int i = 0; i < out.length; i++) {
            double cos = sunEast[i] * n[0] + sunNorth[i] * n[1] + sunUp[i] * n[2];
            out[i] =
                    direct[i] * Math.max(0, cos)
                            + isotropic[i] * (1 + n[2]) / 2
                            + global[i] * albedo * (1 - n[2]) / 2;
        }
        return out;
    }
}
