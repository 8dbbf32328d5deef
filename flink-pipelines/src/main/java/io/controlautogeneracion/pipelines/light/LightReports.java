package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.druid.LightReportRow;
import io.controlautogeneracion.solar.IrradianceSample;
import io.controlautogeneracion.solar.LightEstimator;
import io.controlautogeneracion.solar.OptimalOrientation;
import io.controlautogeneracion.solar.OrientationOptimizer;
import io.controlautogeneracion.solar.Plane;
import io.controlautogeneracion.solar.Site;
import io.controlautogeneracion.solar.SkySeries;
import io.controlautogeneracion.solar.Transposition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WriteSensorLight's report step (SPEC §6): per light sensor hour, lux statistics, irradiance (lux
 * / 120 by default), the power of the reference panel (the sensor's power_cap, else the default)
 * estimated bin by bin on the optimal plane, and the optimal tilt and azimuth over the rolling
 * window: the hourly means of the last {@code windowDays} days and the hour's own bins. The optimum
 * is computed once per sensor and UTC day of the run (at the day's last hour), since one more hour
 * barely moves a 30-day optimum and the search is the costly part.
 */
public final class LightReports {
    private final LightSettings settings;
    private final LightEstimator estimator;

    public LightReports(LightSettings settings) {
        this.settings = settings;
        this.estimator = settings.estimator();
    }

    /** {@code history} must already hold the run's own hours (see {@link #addRun}). */
    public List<LightReportRow> build(List<LightHour> hours, LightHistory history) {
        Map<String, Plane> optimum = new HashMap<>();
        List<LightHour> sorted = new ArrayList<>(hours);
        // Latest hour first, so each sensor-day's optimum is computed at the day's last hour.
        sorted.sort(Comparator.comparing(LightHour::slot).reversed());
        List<LightReportRow> rows = new ArrayList<>(hours.size());
        for (LightHour h : sorted) {
            Plane plane = null;
            if (h.facts().hasLocation()) {
                String key = h.lightId() + "@" + h.slot().truncatedTo(ChronoUnit.DAYS);
                plane = optimum.computeIfAbsent(key, k -> optimal(h, history));
            }
            rows.add(
                    new LightReportRow(
                            h.facts().columns(),
                            h.lightId(),
                            h.slot(),
                            h.luxAvg(),
                            h.luxMax(),
                            estimator.ghiFromLux(h.luxAvg()),
                            plane == null ? null : power(h, plane),
                            plane == null ? null : round(plane.tilt()),
                            plane == null ? null : round(plane.azimuth()),
                            h.samples()));
        }
        rows.sort(
                Comparator.comparing(LightReportRow::timestamp)
                        .thenComparing(LightReportRow::lightId));
        return rows;
    }

    /** Adds the run's hours to the history, so later hours of a range see earlier ones. */
    public static void addRun(List<LightHour> hours, LightHistory history) {
        hours.forEach(h -> history.put(h.lightId(), h.slot(), h.luxAvg()));
    }

    /** Mean estimated power of the reference panel over the hour's bins with readings. */
    Double power(LightHour h, Plane plane) {
        double cap =
                h.facts().powerCap() == null ? settings.referencePowerCap() : h.facts().powerCap();
        Site site = Site.at(h.facts().latitude(), h.facts().longitude());
        double total = 0;
        int n = 0;
        for (int b = 0; b < LightHour.BINS; b++) {
            if (!Double.isNaN(h.binLux()[b])) {
                total +=
                        estimator
                                .estimate(site, plane, cap, h.binMiddle(b), h.binLux()[b])
                                .powerW();
                n++;
            }
        }
        return n == 0 ? null : total / n;
    }

    private Plane optimal(LightHour h, LightHistory history) {
        List<IrradianceSample> samples = new ArrayList<>();
        Instant from = h.slot().minus(Duration.ofDays(settings.windowDays()));
        history.between(h.lightId(), from, h.slot())
                .forEach(
                        (slot, lux) ->
                                samples.add(
                                        new IrradianceSample(
                                                slot.plusSeconds(1800),
                                                estimator.ghiFromLux(lux),
                                                3600)));
        for (int b = 0; b < LightHour.BINS; b++) {
            if (!Double.isNaN(h.binLux()[b])) {
                samples.add(
                        new IrradianceSample(
                                h.binMiddle(b),
                                estimator.ghiFromLux(h.binLux()[b]),
                                LightHour.BIN_MS / 1000.0));
            }
        }
        Site site = Site.at(h.facts().latitude(), h.facts().longitude());
        SkySeries sky =
                SkySeries.prepare(
                        site, samples, Transposition.HAY_DAVIES, Transposition.DEFAULT_ALBEDO);
        if (sky.size() == 0 || !(sky.horizontalIrradiation() > 0)) {
            // Only night readings so far: face the equator at the latitude, the textbook plane.
            return new Plane(
                    Math.min(90, Math.abs(site.latitude())), site.latitude() >= 0 ? 180 : 0);
        }
        OptimalOrientation best = OrientationOptimizer.optimise(sky);
        return best.plane();
    }

    private static double round(double degrees) {
        return Math.round(degrees * 10) / 10.0;
    }
}
