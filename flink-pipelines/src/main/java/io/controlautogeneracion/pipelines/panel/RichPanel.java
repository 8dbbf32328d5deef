package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.PanelReading;
import io.controlautogeneracion.pipelines.batch.CatalogTimeline;
import io.controlautogeneracion.pipelines.batch.HourJob;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * RichPanel, the panel kind of the {@link HourJob}: a panel's readings of the run (its hours and
 * the edge readings of the hours around them) with its catalog timeline → {@link PanelEnergy} per
 * hour and owner, the edges of the hours read in full, and the boundary readings whose neighbour
 * lies further away.
 */
public final class RichPanel implements HourJob.Kind<PanelReading, PanelSamples, PanelSpan> {
    private static final long serialVersionUID = 1L;
    private static final long HOUR_MS = 3_600_000L;

    private final long fromMs;
    private final long toMs;
    private final long[] fullHours;
    private final PanelEnergy energy;

    /**
     * @param fullHours the hours whose partitions the run reads in full, whose edges it keeps
     */
    public RichPanel(HourRange range, List<Long> fullHours, PanelEnergy energy) {
        this.fromMs = range.from().toEpochMilli();
        this.toMs = range.to().toEpochMilli();
        this.fullHours = fullHours.stream().mapToLong(Long::longValue).sorted().toArray();
        this.energy = energy;
    }

    @Override
    public DeviceKind deviceKind() {
        return DeviceKind.PANEL;
    }

    @Override
    public TypeInformation<PanelReading> readingType() {
        return TypeInformation.of(PanelReading.class);
    }

    @Override
    public TypeInformation<PanelSamples> samplesType() {
        return TypeInformation.of(PanelSamples.class);
    }

    @Override
    public TypeInformation<PanelSpan> outputType() {
        return TypeInformation.of(PanelSpan.class);
    }

    @Override
    public PanelSamples newSamples() {
        return new PanelSamples();
    }

    @Override
    public void add(PanelSamples samples, PanelReading r) {
        samples.add(r.timestamp().toEpochMilli(), r.powerW(), r.energyWh());
    }

    @Override
    public PanelSamples merge(PanelSamples into, PanelSamples more) {
        return into.merge(more);
    }

    @Override
    public PanelSamples compact(PanelSamples samples) {
        return samples.trimmed();
    }

    @Override
    public List<PanelSpan> outputs(String panelId, PanelSamples samples, CatalogTimeline timeline) {
        PanelSamples s = samples.sortedDistinct();
        List<PanelHour> hours = energy.hours(panelId, s, fromMs, toMs, timeline);
        List<EdgeReading> edges = new ArrayList<>();
        double highest = Double.NaN;
        EdgeReading first = null;
        EdgeReading last = null;
        int i = 0;
        while (i < s.size()) {
            long hour = Math.floorDiv(s.time(i), HOUR_MS) * HOUR_MS;
            boolean keep = Arrays.binarySearch(fullHours, hour) >= 0;
            int top = -1;
            int j = i;
            for (; j < s.size() && s.time(j) < hour + HOUR_MS; j++) {
                if (s.hasCounter(j)) {
                    highest =
                            Double.isNaN(highest) ? s.counter(j) : Math.max(highest, s.counter(j));
                    if (top < 0 || s.counter(j) > s.counter(top)) {
                        top = j;
                    }
                }
                if (j == 0) {
                    first = edge(s, j, highest);
                }
                if (j == s.size() - 1) {
                    last = edge(s, j, highest);
                }
            }
            if (keep) {
                edges.add(edge(s, i, Double.NaN));
                if (top > i && top < j - 1) {
                    edges.add(edge(s, top, Double.NaN));
                }
                if (j - 1 > i) {
                    edges.add(edge(s, j - 1, Double.NaN));
                }
            }
            i = j;
        }
        return List.of(
                new PanelSpan(
                        panelId,
                        hours.toArray(PanelHour[]::new),
                        edges.toArray(EdgeReading[]::new),
                        first != null && first.time() >= fromMs && first.hasCounter()
                                ? first
                                : null,
                        last != null && last.time() < toMs && last.hasCounter() ? last : null));
    }

    private static EdgeReading edge(PanelSamples s, int i, double highest) {
        return new EdgeReading(s.time(i), s.power(i), s.counter(i), highest);
    }

    /** The first and last readings of {@code [i, j)} and the one with the highest counter. */
    static List<EdgeReading> edgesOf(EdgeReading[] all, int i, int j) {
        List<EdgeReading> out = new ArrayList<>(3);
        out.add(all[i]);
        int top = -1;
        for (int k = i; k < j; k++) {
            if (all[k].hasCounter() && (top < 0 || all[k].counter() > all[top].counter())) {
                top = k;
            }
        }
        if (top > i && top < j - 1) {
            out.add(all[top]);
        }
        if (j - 1 > i) {
            out.add(all[j - 1]);
        }
        return out;
    }
}
