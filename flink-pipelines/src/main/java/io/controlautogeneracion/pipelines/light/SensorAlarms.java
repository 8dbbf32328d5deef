package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.calendar.SlotCalendar;
import io.controlautogeneracion.model.druid.SensorAlarmRow;
import io.controlautogeneracion.solar.ClearSky;
import io.controlautogeneracion.solar.LightEstimator;
import io.controlautogeneracion.solar.Site;
import io.controlautogeneracion.solar.SolarPosition;
import io.controlautogeneracion.solar.Spa;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * WriteSensorLight's alarms (SPEC §6), judged only on the 5-minute bins where the sun (NREL SPA) is
 * well above the horizon: readings near zero (below a small share of the Haurwitz clear-sky
 * illuminance), a frozen value (every reading of the hour identical and not zero), or a drop below
 * a share of the median of the same local hour on the previous days. At most one alarm per sensor
 * and hour, the first of those that applies. Every alarm carries {@code power_low}: the reference
 * panel's power from what the sensor should have read (the previous days' median, else a clear sky)
 * minus its power from what it read, in W.
 */
public final class SensorAlarms {
    private final LightSettings settings;
    private final LightEstimator estimator;

    public SensorAlarms(LightSettings settings) {
        this.settings = settings;
        this.estimator = settings.estimator();
    }

    public List<SensorAlarmRow> build(List<LightHour> hours, LightHistory history) {
        List<SensorAlarmRow> rows = new ArrayList<>();
        for (LightHour h : hours) {
            if (!h.facts().hasLocation()) {
                continue;
            }
            SensorAlarmRow alarm = judge(h, history);
            if (alarm != null) {
                rows.add(alarm);
            }
        }
        rows.sort(
                Comparator.comparing(SensorAlarmRow::timestamp)
                        .thenComparing(SensorAlarmRow::lightId));
        return rows;
    }

    private SensorAlarmRow judge(LightHour h, LightHistory history) {
        Site site = Site.at(h.facts().latitude(), h.facts().longitude());
        int sunUp = 0;
        int nearZero = 0;
        double highest = 0;
        double clearLux = 0;
        double clearSum = 0;
        for (int b = 0; b < LightHour.BINS; b++) {
            if (Double.isNaN(h.binLux()[b])) {
                continue;
            }
            SolarPosition sun = Spa.position(h.binMiddle(b), site);
            if (sun.elevation() < settings.sunUpElevation()) {
                continue;
            }
            sunUp++;
            double clear = ClearSky.haurwitz(sun.zenith()) * settings.luxPerWm2();
            clearSum += clear;
            if (h.binLux()[b] < settings.nearZeroShare() * clear) {
                nearZero++;
            }
            if (sun.elevation() > highest) {
                highest = sun.elevation();
                clearLux = clear;
            }
        }
        if (sunUp < 2) {
            return null;
        }
        Median median = median(h, history);
        // What the sensor should have read: the previous days' median, else a clear sky.
        double expectedLux = median == null ? clearSum / sunUp : median.lux();
        if (nearZero == sunUp) {
            return alarm(
                    h,
                    shortfall(h, site, expectedLux),
                    String.format(
                            Locale.ROOT,
                            "light sensor %s read near zero (%.0f lux on average) while the sun"
                                    + " was up to %.0f° high, where a clear sky gives %.0f lux",
                            h.lightId(),
                            h.luxAvg(),
                            highest,
                            clearLux));
        }
        if (h.frozen()) {
            return alarm(
                    h,
                    shortfall(h, site, expectedLux),
                    String.format(
                            Locale.ROOT,
                            "light sensor %s is frozen at %.0f lux: %d identical readings while"
                                    + " the sun was up to %.0f° high",
                            h.lightId(),
                            h.luxMax(),
                            h.samples(),
                            highest));
        }
        if (median == null) {
            return null;
        }
        double ratio =
                h.facts().luxDropRatio() == null ? settings.dropRatio() : h.facts().luxDropRatio();
        if (!(h.luxAvg() < ratio * median.lux())) {
            return null;
        }
        return alarm(
                h,
                shortfall(h, site, median.lux()),
                String.format(
                        Locale.ROOT,
                        "light sensor %s averaged %.0f lux, %.0f %% of the median %.0f lux of the"
                                + " same hour on %d previous days (alarm below %.0f %%)",
                        h.lightId(),
                        h.luxAvg(),
                        100 * h.luxAvg() / median.lux(),
                        median.lux(),
                        median.days(),
                        100 * ratio));
    }

    /** The median lux of the same local hour on the previous days, from 3 days with data. */
    private record Median(double lux, int days) {}

    private Median median(LightHour h, LightHistory history) {
        double[] previous = new double[settings.historyDays()];
        int n = 0;
        for (int k = 1; k <= settings.historyDays(); k++) {
            Instant day =
                    SlotCalendar.slotOf(h.slot().atZone(h.facts().zone()).minusDays(k).toInstant());
            Double lux = history.luxAvg(h.lightId(), day);
            if (lux != null) {
                previous[n++] = lux;
            }
        }
        if (n < 3) {
            return null;
        }
        Arrays.sort(previous, 0, n);
        double m = n % 2 == 1 ? previous[n / 2] : (previous[n / 2 - 1] + previous[n / 2]) / 2;
        return new Median(m, n);
    }

    /**
     * The reference panel's power (W) at the hour's middle from {@code expectedLux} minus its power
     * from what the sensor read, on the flat-to-latitude plane facing the equator; never negative.
     */
    private double shortfall(LightHour h, Site site, double expectedLux) {
        double cap =
                h.facts().powerCap() == null ? settings.referencePowerCap() : h.facts().powerCap();
        Instant middle = h.slot().plusSeconds(1800);
        double tilt = Math.abs(site.latitude());
        double azimuth = site.latitude() >= 0 ? 180 : 0;
        double expected =
                estimator
                        .estimate(
                                site.latitude(),
                                site.longitude(),
                                tilt,
                                azimuth,
                                cap,
                                middle,
                                expectedLux)
                        .powerW();
        double actual =
                estimator
                        .estimate(
                                site.latitude(),
                                site.longitude(),
                                tilt,
                                azimuth,
                                cap,
                                middle,
                                h.luxAvg())
                        .powerW();
        return Math.max(0, expected - actual);
    }

    private static SensorAlarmRow alarm(LightHour h, double powerLow, String text) {
        return new SensorAlarmRow(h.facts().columns(), h.lightId(), h.slot(), powerLow, text);
    }
}
