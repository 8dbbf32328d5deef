package io.controlautogeneracion.solar.survey;

import io.controlautogeneracion.solar.ClearSkyYear;
import io.controlautogeneracion.solar.IrradianceSample;
import io.controlautogeneracion.solar.OptimalOrientation;
import io.controlautogeneracion.solar.OrientationOptimizer;
import io.controlautogeneracion.solar.Plane;
import io.controlautogeneracion.solar.Site;
import io.controlautogeneracion.solar.SkySeries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site survey's computation: lux → GHI (SPEC §6), each reading integrated over the interval to
 * the next one, then the optimal plane over the whole period and the daily totals.
 */
public final class Survey {

    private Survey() {}

    /** Runs the survey over readings already sorted and de-duplicated. */
    public static SurveyReport run(SurveyOptions options, ReadingsCsv.Parsed parsed) {
        List<LuxReading> readings = parsed.readings();
        Duration maxGap = maxGap(options, readings);
        double nominal = nominalInterval(readings, maxGap);
        double[] seconds = intervals(readings, maxGap, nominal);
        List<IrradianceSample> samples = new ArrayList<>(readings.size());
        int gaps = 0;
        double covered = 0;
        for (int i = 0; i < readings.size(); i++) {
            LuxReading r = readings.get(i);
            samples.add(new IrradianceSample(r.time(), r.lux() / options.luxPerWm2(), seconds[i]));
            covered += seconds[i];
            if (i + 1 < readings.size() && gapSeconds(readings, i) > maxGap.toSeconds()) {
                gaps++;
            }
        }
        Site site = Site.at(options.latitude(), options.longitude(), options.elevation());
        SkySeries series = SkySeries.prepare(site, samples, options.model(), options.albedo());
        OptimalOrientation optimum = OrientationOptimizer.optimise(series);

        double kWp = options.powerCapWp() / 1000.0;
        double pr = options.performanceRatio();
        double[] poa = series.irradiationPerSample(optimum.plane());
        Map<LocalDate, double[]> days = new LinkedHashMap<>();
        for (int i = 0; i < readings.size(); i++) {
            LocalDate date = readings.get(i).time().atZone(options.zone()).toLocalDate();
            double[] d = days.computeIfAbsent(date, k -> new double[4]);
            d[0] += samples.get(i).ghi() * seconds[i] / 3600.0;
            d[1] += poa[i];
            d[2] += 1;
            d[3] += seconds[i] / 3600.0;
        }
        List<SurveyReport.Day> daily = new ArrayList<>(days.size());
        days.forEach(
                (date, d) ->
                        daily.add(
                                new SurveyReport.Day(
                                        date,
                                        d[0] / 1000,
                                        d[1] / 1000,
                                        kWp * d[1] / 1000 * pr,
                                        kWp * d[0] / 1000 * pr,
                                        (int) d[2],
                                        d[3])));
        double flat = series.irradiation(Plane.FLAT);
        SurveyReport.Period period =
                new SurveyReport.Period(
                        readings.get(0).time(),
                        readings.get(readings.size() - 1).time(),
                        readings.size(),
                        parsed.duplicatesDropped(),
                        gaps,
                        nominal,
                        maxGap,
                        covered / 3600.0);
        return new SurveyReport(
                options,
                period,
                optimum.plane(),
                new SurveyReport.Totals(optimum.irradiation(), kWp * optimum.irradiation() * pr),
                new SurveyReport.Totals(flat, kWp * flat * pr),
                clearSkyYear(site, options, readings.get(0).time()),
                daily);
    }

    /**
     * A survey of a few weeks finds the best plane for those weeks (nearly flat in June); the
     * clear-sky year's optimum tells the installer what the whole year would favour.
     */
    private static Plane clearSkyYear(Site site, SurveyOptions options, Instant first) {
        int year = first.atZone(ZoneOffset.UTC).getYear();
        return ClearSkyYear.optimum(site, year, options.model(), options.albedo()).plane();
    }

    /** The shortest gap a survey never bridges unless told otherwise: 15 minutes. */
    static final Duration DEFAULT_MAX_GAP = Duration.ofMinutes(15);

    /**
     * The longest interval integrated: {@code --max-gap} when given, else 15 minutes or twice the
     * file's sampling interval ({@link #medianInterval} of all its intervals: the bound is not
     * known yet) if that is longer, so a logger of hourly means works as it is and one missing
     * reading is bridged, two are not.
     */
    static Duration maxGap(SurveyOptions options, List<LuxReading> readings) {
        return options.maxGap()
                .orElseGet(
                        () -> {
                            double median = medianInterval(readings, Double.POSITIVE_INFINITY);
                            if (Double.isNaN(median)) {
                                return DEFAULT_MAX_GAP;
                            }
                            Duration twice = Duration.ofMillis(Math.round(2000 * median));
                            return twice.compareTo(DEFAULT_MAX_GAP) > 0 ? twice : DEFAULT_MAX_GAP;
                        });
    }

    /**
     * Seconds each reading stands for: up to the next reading, or — across a gap longer than the
     * maximum, and for the last reading — the usual sampling interval, so a gap is never bridged.
     */
    static double[] intervals(List<LuxReading> readings, Duration maxGap, double nominal) {
        double[] out = new double[readings.size()];
        for (int i = 0; i < out.length; i++) {
            double gap = i + 1 < out.length ? gapSeconds(readings, i) : Double.POSITIVE_INFINITY;
            out[i] = gap <= maxGap.toSeconds() ? gap : nominal;
        }
        return out;
    }

    /**
     * The sensor's usual sampling interval: the {@link #medianInterval} of the intervals no longer
     * than the maximum gap (a gap says nothing of the rate).
     */
    static double nominalInterval(List<LuxReading> readings, Duration maxGap) {
        double median = medianInterval(readings, maxGap.toSeconds());
        if (Double.isNaN(median)) {
            throw new SurveyInputException(
                    readings.size() < 2
                            ? "at least two readings are needed to know the sampling interval"
                            : "every reading is more than "
                                    + maxGap.toMinutes()
                                    + " min from the next; raise --max-gap to integrate them");
        }
        return median;
    }

    /**
     * The one rule of a sampling interval, in seconds: the median of the intervals between
     * consecutive readings (in time order) that are longer than zero and no longer than {@code
     * longestSeconds}; of an even count, the mean of the two middle ones. Readings at the same
     * instant are one reading (no interval of zero), and an interval over {@code longestSeconds} is
     * left out. NaN when no interval is left.
     */
    static double medianInterval(List<LuxReading> readings, double longestSeconds) {
        double[] gaps = new double[Math.max(0, readings.size() - 1)];
        int n = 0;
        for (int i = 0; i + 1 < readings.size(); i++) {
            double gap = gapSeconds(readings, i);
            if (gap > 0 && gap <= longestSeconds) {
                gaps[n++] = gap;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(gaps, 0, n);
        return n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
    }

    private static double gapSeconds(List<LuxReading> readings, int i) {
        Duration d = Duration.between(readings.get(i).time(), readings.get(i + 1).time());
        return d.getSeconds() + d.getNano() * 1e-9;
    }
}
