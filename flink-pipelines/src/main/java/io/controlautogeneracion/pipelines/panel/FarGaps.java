package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.BatchException;
import io.controlautogeneracion.pipelines.batch.CatalogTimeline;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

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

    /** A counter gap between two readings of a panel, found by a run. */
    public record Gap(String panelId, Instant from, Instant to) {}

    /** A gap's two readings, with the highest counter seen before the first of them. */
    private record Series(PanelSamples readings, double highestBefore) {}

    /** The completed hours and the gaps found. */
    public record Result(List<PanelHour> hours, List<Gap> gaps) {}

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

    public Result complete(HourRange range, List<PanelSpan> spans) throws Exception {
        Map<String, EdgeReading> needBefore = new HashMap<>();
        Map<String, EdgeReading> needAfter = new HashMap<>();
        List<PanelHour> hours = new ArrayList<>();
        for (PanelSpan s : spans) {
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
        // Series of [earlier readings..., run's reading] per panel.
        Map<String, Series> series = new LinkedHashMap<>();
        List<Gap> gaps = new ArrayList<>();
        for (long k = from - 2 * HOUR_MS;
                k >= from - reachMs && !needBefore.isEmpty();
                k -= HOUR_MS) {
            Edges found = edgesAt(k);
            if (found == null) {
                continue;
            }
            for (String panel : List.copyOf(needBefore.keySet())) {
                List<EdgeReading> there = found.of(panel);
                EdgeReading pred = latestWithCounter(there);
                if (pred == null) {
                    continue;
                }
                EdgeReading first = needBefore.remove(panel);
                PanelSamples s = new PanelSamples();
                s.add(pred.time(), pred.power(), pred.counter());
                s.add(first.time(), first.power(), first.counter());
                series.put(panel + "<", new Series(s, highestWithCounter(there).counter()));
                gaps.add(gap(panel, pred.time(), first.time()));
            }
        }
        for (long k = to + HOUR_MS; k < to + reachMs && !needAfter.isEmpty(); k += HOUR_MS) {
            Edges found = edgesAt(k);
            if (found == null) {
                continue;
            }
            for (String panel : List.copyOf(needAfter.keySet())) {
                EdgeReading succ = earliestWithCounter(found.of(panel));
                if (succ == null) {
                    continue;
                }
                EdgeReading last = needAfter.remove(panel);
                PanelSamples s = new PanelSamples();
                s.add(last.time(), last.power(), last.counter());
                s.add(succ.time(), succ.power(), succ.counter());
                series.put(panel + ">", new Series(s, last.highest()));
                gaps.add(gap(panel, last.time(), succ.time()));
            }
        }
        if (series.isEmpty()) {
            return new Result(hours, gaps);
        }
        return new Result(merge(hours, shares(range, series)), gaps);
    }

    private Edges edgesAt(long hour) {
        return edges.edgesAt(landingDir, topic, Instant.ofEpochMilli(hour)).orElse(null);
    }

    /** Each gap's share of the run's hours, with the timeline of its panel. */
    private List<PanelHour> shares(HourRange range, Map<String, Series> series) throws Exception {
        List<PanelHour> out = new ArrayList<>();
        try (BatchCatalog c = catalog.open()) {
            Map<String, CatalogTimeline> timelines = new HashMap<>();
            for (String key : series.keySet()) {
                String panel = key.substring(0, key.length() - 1);
                if (!timelines.containsKey(panel)) {
                    try {
                        timelines.put(
                                panel,
                                c.timeline(DeviceKind.PANEL, panel)
                                        .get(catalogTimeout.toMillis(), TimeUnit.MILLISECONDS));
                    } catch (Exception e) {
                        throw new BatchException(
                                "the catalog could not say what panel " + panel + " is", e);
                    }
                }
                Series s = series.get(key);
                out.addAll(
                        energy.hours(
                                panel,
                                s.readings(),
                                range.from().toEpochMilli(),
                                range.to().toEpochMilli(),
                                timelines.get(panel),
                                s.highestBefore()));
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

    private static Gap gap(String panel, long from, long to) {
        return new Gap(panel, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
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
