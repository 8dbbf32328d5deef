package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.BatchException;
import io.controlautogeneracion.pipelines.batch.CatalogTimeline;
import io.controlautogeneracion.pipelines.batch.HourLedger;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Completes a run's panel hours with the energy of counter gaps whose other end lies beyond the
 * hours next to the run: a panel silent all night, or offline for hours. For each panel whose
 * earliest (latest) reading of the run has a counter and no neighbour in the hour before (after),
 * it walks back (forward) through the {@link Edges} of the partitions, up to {@code reach}, to the
 * nearest reading, and gives the run's hours their share of the gap ({@link PanelEnergy}). The gaps
 * it finds are returned: the hours they cross outside the run must be computed again.
 */
public final class FarGaps {
    private static final long HOUR_MS = 3_600_000L;

    /** A gap's two readings, with the highest counter seen before the first of them. */
    private record Series(String panelId, PanelSamples readings, double highestBefore) {}

    /** The completed hours and the gaps found. */
    public record Result(List<PanelHour> hours, List<HourLedger.Gap> gaps) {}

    private final Path landingDir;
    private final String topic;
    private final EdgeStore edges;
    private final Duration reach;
    private final PanelEnergy energy;
    private final BatchCatalog.Factory catalog;
    private final Duration catalogTimeout;

    public FarGaps(
            Path landingDir,
            String topic,
            EdgeStore edges,
            Duration reach,
            PanelEnergy energy,
            BatchCatalog.Factory catalog,
            Duration catalogTimeout) {
        this.landingDir = landingDir;
        this.topic = topic;
        this.edges = edges;
        this.reach = reach;
        this.energy = energy;
        this.catalog = catalog;
        this.catalogTimeout = catalogTimeout;
    }

    /**
     * @param recorded the counter gaps earlier runs found (the ledger's): those that cross the
     *     range, of panels this run saw no reading of, give the range's hours their share too (a
     *     panel silent for hours has no reading in a run of one of them)
     */
    public Result complete(
            HourRange range, List<PanelSpan> spans, Collection<HourLedger.Gap> recorded)
            throws Exception {
        Map<String, EdgeReading> needBefore = new HashMap<>();
        Map<String, EdgeReading> needAfter = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<PanelHour> hours = new ArrayList<>();
        for (PanelSpan s : spans) {
            seen.add(s.panelId());
            hours.addAll(List.of(s.hours()));
            if (s.first() != null) {
                needBefore.put(s.panelId(), s.first());
            }
            if (s.last() != null) {
                needAfter.put(s.panelId(), s.last());
            }
        }
        long from = range.from().toEpochMilli();
        long to = range.to().toEpochMilli();
        long reachMs = reach.toMillis();
        // The two readings of each gap (and the highest counter before it), by panel and side.
        Map<String, Series> series = new LinkedHashMap<>();
        List<HourLedger.Gap> gaps = new ArrayList<>();
        long lowest = needBefore.values().stream().mapToLong(EdgeReading::time).min().orElse(0);
        for (long k = from - 2 * HOUR_MS;
                !needBefore.isEmpty() && k + HOUR_MS > lowest - reachMs;
                k -= HOUR_MS) {
            Edges found = edgesAt(k);
            for (String panel : List.copyOf(needBefore.keySet())) {
                EdgeReading first = needBefore.get(panel);
                if (k + HOUR_MS <= first.time() - reachMs) {
                    // Further back than a gap is bridged: the energy before it is unknown.
                    needBefore.remove(panel);
                    continue;
                }
                List<EdgeReading> there = found == null ? List.of() : found.of(panel);
                EdgeReading pred = latestWithCounter(there);
                if (pred == null || first.time() - pred.time() > reachMs) {
                    continue;
                }
                needBefore.remove(panel);
                PanelSamples s = new PanelSamples();
                s.add(pred.time(), pred.power(), pred.counter());
                s.add(first.time(), first.power(), first.counter());
                series.put(panel + "<", new Series(panel, s, highestWithCounter(there).counter()));
                gaps.add(gap(panel, pred.time(), first.time()));
            }
        }
        long highestEnd = needAfter.values().stream().mapToLong(EdgeReading::time).max().orElse(0);
        for (long k = to + HOUR_MS;
                !needAfter.isEmpty() && k < highestEnd + reachMs;
                k += HOUR_MS) {
            Edges found = edgesAt(k);
            if (found == null) {
                continue;
            }
            for (String panel : List.copyOf(needAfter.keySet())) {
                EdgeReading last = needAfter.get(panel);
                EdgeReading succ = earliestWithCounter(found.of(panel));
                if (succ == null || succ.time() - last.time() > reachMs) {
                    continue;
                }
                needAfter.remove(panel);
                PanelSamples s = new PanelSamples();
                s.add(last.time(), last.power(), last.counter());
                s.add(succ.time(), succ.power(), succ.counter());
                series.put(panel + ">", new Series(panel, s, last.highest()));
                gaps.add(gap(panel, last.time(), succ.time()));
            }
        }
        int n = 0;
        for (HourLedger.Gap g : recorded) {
            boolean crosses = g.from().toEpochMilli() < to && g.to().toEpochMilli() > from;
            if (!crosses || seen.contains(g.panelId())) {
                continue;
            }
            Edges atFrom = edgesAt(hourOf(g.from().toEpochMilli()));
            Edges atTo = edgesAt(hourOf(g.to().toEpochMilli()));
            EdgeReading pred = atFrom == null ? null : at(atFrom.of(g.panelId()), g.from());
            EdgeReading succ = atTo == null ? null : at(atTo.of(g.panelId()), g.to());
            if (pred == null || succ == null) {
                continue;
            }
            PanelSamples s = new PanelSamples();
            s.add(pred.time(), pred.power(), pred.counter());
            s.add(succ.time(), succ.power(), succ.counter());
            series.put(
                    g.panelId() + "#" + n++,
                    new Series(
                            g.panelId(), s, highestWithCounter(atFrom.of(g.panelId())).counter()));
        }
        if (series.isEmpty()) {
            return new Result(hours, gaps);
        }
        return new Result(merge(hours, shares(range, series)), gaps);
    }

    private static long hourOf(long t) {
        return Math.floorDiv(t, HOUR_MS) * HOUR_MS;
    }

    /** The reading at {@code t} with a counter, or null. */
    private static EdgeReading at(List<EdgeReading> readings, Instant t) {
        for (EdgeReading r : readings) {
            if (r.time() == t.toEpochMilli() && r.hasCounter()) {
                return r;
            }
        }
        return null;
    }

    private Edges edgesAt(long hour) {
        return edges.edgesAt(landingDir, topic, Instant.ofEpochMilli(hour)).orElse(null);
    }

    /** Each gap's share of the run's hours, with the timeline of its panel. */
    private List<PanelHour> shares(HourRange range, Map<String, Series> series) throws Exception {
        List<PanelHour> out = new ArrayList<>();
        try (BatchCatalog c = catalog.open()) {
            // Every panel's timeline asked for at once, then used.
            Map<String, CompletableFuture<CatalogTimeline>> timelines = new HashMap<>();
            for (Series gap : series.values()) {
                timelines.computeIfAbsent(
                        gap.panelId(), panel -> c.timeline(DeviceKind.PANEL, panel));
            }
            for (Series gap : series.values()) {
                CatalogTimeline timeline;
                try {
                    timeline =
                            timelines
                                    .get(gap.panelId())
                                    .get(catalogTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new BatchException(
                            "the catalog could not say what panel " + gap.panelId() + " is", e);
                }
                out.addAll(
                        energy.hours(
                                gap.panelId(),
                                gap.readings(),
                                range.from().toEpochMilli(),
                                range.to().toEpochMilli(),
                                timeline,
                                gap.highestBefore()));
            }
        }
        return out;
    }

    /**
     * Adds the gaps' energy to the run's rows (a new row where the hour had none for that owner);
     * the readings themselves were already counted by the run.
     */
    static List<PanelHour> merge(List<PanelHour> hours, List<PanelHour> shares) {
        Map<String, PanelHour> byKey = new LinkedHashMap<>();
        for (PanelHour h : hours) {
            byKey.put(key(h), h);
        }
        for (PanelHour g : shares) {
            if (g.energyWh() == 0
                    && g.quality().counterResets() == 0
                    && g.quality().counterGlitches() == 0) {
                continue;
            }
            PanelHour h = byKey.get(key(g));
            PanelQuality q = g.quality();
            if (h == null) {
                byKey.put(
                        key(g),
                        new PanelHour(
                                g.panelId(),
                                g.slot(),
                                g.energyWh(),
                                new PanelQuality(
                                        0,
                                        0,
                                        q.gapFilledWh(),
                                        q.counterResets(),
                                        q.counterGlitches()),
                                g.facts()));
            } else {
                PanelQuality hq = h.quality();
                byKey.put(
                        key(g),
                        new PanelHour(
                                h.panelId(),
                                h.slot(),
                                h.energyWh() + g.energyWh(),
                                new PanelQuality(
                                        hq.samples(),
                                        hq.coverage(),
                                        hq.gapFilledWh() + q.gapFilledWh(),
                                        hq.counterResets() + q.counterResets(),
                                        hq.counterGlitches() + q.counterGlitches()),
                                h.facts()));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String key(PanelHour h) {
        return h.panelId() + "|" + h.slot() + "|" + Objects.toString(h.owner(), "");
    }

    private static HourLedger.Gap gap(String panel, long from, long to) {
        return new HourLedger.Gap(panel, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
    }

    private static EdgeReading latestWithCounter(List<EdgeReading> readings) {
        for (int i = readings.size() - 1; i >= 0; i--) {
            if (readings.get(i).hasCounter()) {
                return readings.get(i);
            }
        }
        return null;
    }

    private static EdgeReading earliestWithCounter(List<EdgeReading> readings) {
        for (EdgeReading r : readings) {
            if (r.hasCounter()) {
                return r;
            }
        }
        return null;
    }

    private static EdgeReading highestWithCounter(List<EdgeReading> readings) {
        EdgeReading top = null;
        for (EdgeReading r : readings) {
            if (r.hasCounter() && (top == null || r.counter() > top.counter())) {
                top = r;
            }
        }
        return top;
    }
}
