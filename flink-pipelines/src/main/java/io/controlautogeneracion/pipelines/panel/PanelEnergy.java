package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.batch.CatalogTimeline;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hourly energy of one panel (SPEC §6, "Panel report semantics") from its readings over a span
 * that reaches past the reported hours, so each hour is exact at both bounds: the interval between
 * two readings is split wherever an hour starts or the owner changes, and each piece goes to the
 * (hour, owner) it lies in.
 *
 * <p>Between consecutive readings that carry the {@code energy_wh} counter, the counter delta is
 * the energy, spread evenly in time (the counter interpolated linearly) when the readings are at
 * most {@code maxGap} apart, and in proportion to {@link GapWeight} (clear-sky irradiance) across a
 * longer gap, where it is also reported as {@code gap_filled_wh}: a counter loses nothing. The
 * counter's rules: a decrease is a reset only when the new value is plausible for a counter
 * restarted from zero (below half the highest value seen, or no more than the panel could have made
 * since the previous reading), and then the energy since the reset is the new value; any other
 * decrease is a glitch: the reading is left out of the count, which goes on from the highest value
 * seen (the delta to the next reading spans the time since that value). A delta above {@code
 * power_cap × interval × 1.5} is impossible: it is clamped to that bound and counted as a glitch.
 * Where readings have no counter, power is integrated (trapezoids) over intervals of at most {@code
 * maxGap}, never across a longer gap. {@code coverage} is the share of the hour inside intervals of
 * at most {@code maxGap}.
 */
public final class PanelEnergy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Default longest interval integrated as measured (longer ones are gaps). */
    public static final long DEFAULT_MAX_GAP_MS = 15 * 60_000L;

    /** A delta above the panel's power cap over the interval times this is impossible. */
    static final double IMPOSSIBLE_FACTOR = 1.5;

    private static final long HOUR_MS = 3_600_000L;

    private final long maxGapMs;
    private final GapWeight weight;

    public PanelEnergy(long maxGapMs, GapWeight weight) {
        this.maxGapMs = maxGapMs;
        this.weight = weight;
    }

    /**
     * The rows of the hours in {@code [fromMs, toMs)}: one per hour and owner that has a reading or
     * energy.
     *
     * @param series the panel's readings, sorted by time, one per instant ({@link
     *     PanelSamples#sortedDistinct()}), including readings outside the hours
     */
    public List<PanelHour> hours(
            String panelId, PanelSamples series, long fromMs, long toMs, CatalogTimeline timeline) {
        return hours(panelId, series, fromMs, toMs, timeline, Double.NaN);
    }

    /**
     * The same, for a series whose counter had already reached {@code highestBefore} before its
     * first reading (NaN when unknown): counting goes on from the highest value seen.
     */
    public List<PanelHour> hours(
            String panelId,
            PanelSamples series,
            long fromMs,
            long toMs,
            CatalogTimeline timeline,
            double highestBefore) {
        Rows rows = new Rows(panelId, fromMs, toMs, timeline);
        int n = series.size();
        for (int i = 0; i < n; i++) {
            long t = series.time(i);
            if (t >= fromMs && t < toMs) {
                rows.at(t, timeline.indexAt(t)).samples++;
            }
        }
        long firstCounter = Long.MAX_VALUE;
        long lastCounter = Long.MIN_VALUE;
        double highest = Double.NaN;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            if (!series.hasCounter(i)) {
                continue;
            }
            long t = series.time(i);
            firstCounter = Math.min(firstCounter, t);
            lastCounter = t;
            if (previous < 0) {
                highest =
                        Double.isNaN(highestBefore)
                                ? series.counter(i)
                                : Math.max(highestBefore, series.counter(i));
                previous = i;
                continue;
            }
            long ta = series.time(previous);
            CatalogFacts facts = timeline.at(t);
            double bound =
                    facts.powerCap() == null
                            ? Double.POSITIVE_INFINITY
                            : facts.powerCap() * (t - ta) / HOUR_MS * IMPOSSIBLE_FACTOR;
            double c = series.counter(i);
            double delta;
            int resets = 0;
            int glitches = 0;
            boolean accepted = true;
            if (c >= highest) {
                delta = c - highest;
            } else if (c < highest / 2 || (facts.powerCap() != null && c <= bound)) {
                // Restarted from zero: what it shows is what it made since.
                delta = c;
                resets++;
            } else {
                // Jitter or a stale value: it says nothing; the count goes on from the highest
                // value, the reading before this one that was kept.
                delta = 0;
                glitches++;
                accepted = false;
            }
            if (delta > bound) {
                delta = bound;
                glitches++;
            }
            if ((resets > 0 || glitches > 0) && t >= fromMs && t < toMs) {
                Row row = rows.at(t, timeline.indexAt(t));
                row.resets += resets;
                row.glitches += glitches;
            }
            if (accepted) {
                spreadCounter(rows, ta, t, longestStep(series, previous, i), delta, facts);
                highest = c;
                previous = i;
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            long ta = series.time(i);
            long tb = series.time(i + 1);
            boolean counted = ta >= firstCounter && tb <= lastCounter;
            if (!counted && tb - ta <= maxGapMs) {
                integratePower(rows, ta, series.power(i), tb, series.power(i + 1));
            }
        }
        return rows.toHours();
    }

    /**
     * The longest step between consecutive readings (any: a reading left out of the count still
     * shows the device was there) from reading {@code a} to reading {@code b}.
     */
    private static long longestStep(PanelSamples s, int a, int b) {
        long longest = 0;
        for (int k = a; k < b; k++) {
            longest = Math.max(longest, s.time(k + 1) - s.time(k));
        }
        return longest;
    }

    /**
     * Spreads a counter delta over {@code [ta, tb)}: evenly in time when the readings within are
     * never further apart than the integration limit ({@code longestStep}), else by {@link
     * GapWeight} as a gap.
     */
    private void spreadCounter(
            Rows rows, long ta, long tb, long longestStep, double delta, CatalogFacts facts) {
        if (tb <= rows.from || ta >= rows.to) {
            return;
        }
        long gap = tb - ta;
        if (longestStep <= maxGapMs) {
            for (long x = Math.max(ta, rows.from), end = Math.min(tb, rows.to); x < end; ) {
                int stretch = rows.timeline.indexAt(x);
                long y = pieceEnd(x, end, stretch, rows.timeline);
                Row row = rows.at(x, stretch);
                row.energy += delta * (y - x) / gap;
                row.coveredMs += y - x;
                x = y;
            }
            return;
        }
        // A longer gap: every piece's weight first (the whole gap, in and out of the hours), so
        // the shares add up to the delta.
        List<long[]> pieces = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (long x = ta; x < tb; ) {
            int stretch = rows.timeline.indexAt(x);
            long y = pieceEnd(x, tb, stretch, rows.timeline);
            double w = weight.of(x, y, facts);
            pieces.add(new long[] {x, y, stretch});
            weights.add(w);
            total += w;
            x = y;
        }
        boolean byTime = !(total > 0);
        for (int k = 0; k < pieces.size(); k++) {
            long[] p = pieces.get(k);
            if (p[1] <= rows.from || p[0] >= rows.to) {
                continue;
            }
            double share = byTime ? delta * (p[1] - p[0]) / gap : delta * weights.get(k) / total;
            Row row = rows.at(p[0], (int) p[2]);
            row.energy += share;
            row.gapFilled += share;
        }
    }

    private static void integratePower(Rows rows, long ta, double pa, long tb, double pb) {
        if (tb <= rows.from || ta >= rows.to) {
            return;
        }
        double slope = (pb - pa) / (tb - ta);
        for (long x = Math.max(ta, rows.from), end = Math.min(tb, rows.to); x < end; ) {
            int stretch = rows.timeline.indexAt(x);
            long y = pieceEnd(x, end, stretch, rows.timeline);
            double px = pa + slope * (x - ta);
            double py = pa + slope * (y - ta);
            Row row = rows.at(x, stretch);
            row.energy += (px + py) / 2 * (y - x) / HOUR_MS;
            row.coveredMs += y - x;
            x = y;
        }
    }

    /** The end of the piece from {@code x}: the next hour start, owner change or {@code end}. */
    private static long pieceEnd(long x, long end, int stretch, CatalogTimeline timeline) {
        long hourEnd = Math.floorDiv(x, HOUR_MS) * HOUR_MS + HOUR_MS;
        return Math.min(end, Math.min(hourEnd, timeline.endOf(stretch)));
    }

    /** The rows being filled, one per hour and owner. */
    private static final class Rows {
        final String panelId;
        final long from;
        final long to;
        final CatalogTimeline timeline;
        // By slot, then owner: one row per client in the hour, almost always one.
        final Map<Long, List<Row>> rows = new LinkedHashMap<>();
        // The row the last reading fell in, and its stretch of the timeline.
        private Row last;
        private int lastStretch;

        Rows(String panelId, long from, long to, CatalogTimeline timeline) {
            this.panelId = panelId;
            this.from = from;
            this.to = to;
            this.timeline = timeline;
        }

        Row at(long t, int stretch) {
            long slot = Math.floorDiv(t, HOUR_MS) * HOUR_MS;
            if (last != null && slot == last.slot && stretch == lastStretch) {
                // Readings come in time order: most fall in the row of the one before.
                return last;
            }
            last = find(slot, stretch);
            lastStretch = stretch;
            return last;
        }

        private Row find(long slot, int stretch) {
            CatalogFacts facts = timeline.facts(stretch);
            List<Row> owners = rows.computeIfAbsent(slot, k -> new ArrayList<>(1));
            for (Row r : owners) {
                if (Objects.equals(r.facts.clientId(), facts.clientId())) {
                    return r;
                }
            }
            Row row = new Row(slot, facts);
            owners.add(row);
            return row;
        }

        List<PanelHour> toHours() {
            List<PanelHour> out = new ArrayList<>(rows.size());
            for (Row r : rows.values().stream().flatMap(List::stream).toList()) {
                if (r.samples == 0 && r.energy == 0 && r.coveredMs == 0) {
                    continue;
                }
                out.add(
                        new PanelHour(
                                panelId,
                                Instant.ofEpochMilli(r.slot),
                                r.energy,
                                new PanelQuality(
                                        r.samples,
                                        Math.min(1.0, r.coveredMs / (double) HOUR_MS),
                                        r.gapFilled,
                                        r.resets,
                                        r.glitches),
                                r.facts));
            }
            out.sort(
                    java.util.Comparator.comparing(PanelHour::slot)
                            .thenComparing(h -> Objects.toString(h.facts().clientId(), "")));
            return out;
        }
    }

    private static final class Row {
        final long slot;
        final CatalogFacts facts;
        double energy;
        double gapFilled;
        int samples;
        long coveredMs;
        int resets;
        int glitches;

        Row(long slot, CatalogFacts facts) {
            this.slot = slot;
            this.facts = facts;
        }
    }
}
