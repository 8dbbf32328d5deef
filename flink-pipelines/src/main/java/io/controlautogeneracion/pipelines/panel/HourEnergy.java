package io.controlautogeneracion.pipelines.panel;

import java.util.Arrays;

/**
 * The energy a panel generated in one hour from its readings of that hour (SPEC §6), with the
 * number of distinct readings and the share of the hour they cover.
 *
 * <p>Each reading stands for the interval up to the next one, the rule of the solar module's site
 * survey. Between two readings that both carry the {@code energy_wh} counter, the counter delta is
 * the energy, whatever the gap (a cumulative counter loses nothing); a delta below zero is a
 * counter reset, and the energy since the reset is the new value. Otherwise power is held: {@code
 * power_w × interval}, but never across a gap over {@code maxGap}, where the reading stands for the
 * usual sampling interval (the median) only. The last reading stands for the median interval too,
 * clipped to the end of the hour. Readings with the same timestamp are one reading (the lowest, so
 * the choice does not depend on arrival order).
 *
 * @param energyWh energy of the hour, never negative
 * @param samples distinct readings used
 * @param coverage share of the hour the readings stand for, 0–1
 * @param counterResets counter resets detected
 */
public record HourEnergy(double energyWh, int samples, double coverage, int counterResets) {

    /** Default for the longest interval power is held over. */
    public static final long DEFAULT_MAX_GAP_MS = 15 * 60_000L;

    private static final long HOUR_MS = 3_600_000L;
    private static final double MS_PER_HOUR = 3_600_000.0;

    /**
     * @param hourStart epoch milliseconds of the hour
     * @param readings the hour's readings, in any order, duplicates allowed
     * @param maxGapMs longest interval power is held over
     */
    public static HourEnergy of(long hourStart, PanelSamples readings, long maxGapMs) {
        PanelSamples s = readings.sortedDistinct();
        int n = s.size();
        if (n == 0) {
            return new HourEnergy(0, 0, 0, 0);
        }
        long hourEnd = hourStart + HOUR_MS;
        long usual = medianInterval(s, maxGapMs);
        double energy = 0;
        long covered = 0;
        int resets = 0;
        for (int i = 0; i < n; i++) {
            long t = s.time(i);
            boolean hasNext = i + 1 < n;
            long gap = hasNext ? s.time(i + 1) - t : Long.MAX_VALUE;
            if (hasNext && s.hasCounter(i) && s.hasCounter(i + 1)) {
                double delta = s.counter(i + 1) - s.counter(i);
                if (delta < 0) {
                    // The device restarted its counter from zero between the two readings.
                    resets++;
                    delta = s.counter(i + 1);
                }
                energy += delta;
                covered += gap;
                continue;
            }
            long held = gap <= maxGapMs ? gap : usual;
            held = Math.max(0, Math.min(held, hourEnd - t));
            energy += s.power(i) * held / MS_PER_HOUR;
            covered += held;
        }
        double coverage = Math.min(1.0, covered / (double) HOUR_MS);
        return new HourEnergy(energy, n, coverage, resets);
    }

    /** The median interval between readings no further apart than {@code maxGapMs}. */
    static long medianInterval(PanelSamples s, long maxGapMs) {
        long[] gaps = new long[Math.max(0, s.size() - 1)];
        int k = 0;
        for (int i = 0; i + 1 < s.size(); i++) {
            long gap = s.time(i + 1) - s.time(i);
            if (gap <= maxGapMs) {
                gaps[k++] = gap;
            }
        }
        if (k == 0) {
            // One lonely reading (or only long gaps): it stands for one minute, the usual rate.
            return Math.min(60_000L, maxGapMs);
        }
        Arrays.sort(gaps, 0, k);
        return gaps[k / 2];
    }
}
