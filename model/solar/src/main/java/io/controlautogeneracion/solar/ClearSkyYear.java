package io.controlautogeneracion.solar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic clear-sky year at a site (Haurwitz GHI every 10 minutes at the NREL SPA sun position)
 * and its optimal plane: the reference an installer compares a few weeks of survey with. Clear
 * skies favour beam, so real climates' optima tilt a few degrees less.
 */
public final class ClearSkyYear {

    private static final long STEP_SECONDS = 600;

    private ClearSkyYear() {}

    /** Haurwitz samples every 10 minutes through a calendar year (UTC), night ones included. */
    public static List<IrradianceSample> samples(Site site, int year) {
        Instant start = Instant.from(LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC));
        Instant end = Instant.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC));
        List<IrradianceSample> samples = new ArrayList<>(53_000);
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(STEP_SECONDS)) {
            double zenith = Spa.position(t, site).zenith();
            samples.add(new IrradianceSample(t, ClearSky.haurwitz(zenith), STEP_SECONDS));
        }
        return samples;
    }

    /** The optimal plane over a clear-sky year at the site (about 0.5 s: 52,560 SPA calls). */
    public static OptimalOrientation optimum(
            Site site, int year, Transposition model, double albedo) {
        return OrientationOptimizer.optimise(
                SkySeries.prepare(site, samples(site, year), model, albedo));
    }
}
