package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Comparison;
import io.controlautogeneracion.model.calendar.Period;
import io.controlautogeneracion.model.calendar.SlotCalendar;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * WritePanel's report step (SPEC §6): for every panel hour of a run, the differences with its
 * reference slots and the running totals of its local day, month, quarter, half-year and year.
 * References inside the run come from the run itself, earlier ones from {@link PanelHistory}; a
 * reference without data gives a null difference, never 0. Running totals carry on from the panel's
 * latest stored report when it lies in the same local period, which is exact because no report
 * exists between it and the run.
 */
public final class PanelReports {
    private PanelReports() {}

    public static List<PanelReportRow> build(
            List<PanelHour> hours, HourRange range, PanelHistory history) {
        Map<String, List<PanelHour>> byPanel =
                hours.stream().collect(Collectors.groupingBy(PanelHour::panelId));
        List<PanelReportRow> rows = new ArrayList<>(hours.size());
        for (Map.Entry<String, List<PanelHour>> e : byPanel.entrySet()) {
            rows.addAll(panel(e.getKey(), e.getValue(), range, history));
        }
        rows.sort(
                Comparator.comparing(PanelReportRow::timestamp)
                        .thenComparing(PanelReportRow::panelId));
        return rows;
    }

    private static List<PanelReportRow> panel(
            String panelId, List<PanelHour> hours, HourRange range, PanelHistory history) {
        List<PanelHour> sorted = new ArrayList<>(hours);
        sorted.sort(Comparator.comparing(PanelHour::slot));
        Map<Instant, Double> inRun = new HashMap<>();
        for (PanelHour h : sorted) {
            inRun.put(h.slot(), h.energyWh());
        }
        PanelHistory.Last previous = history.last(panelId);
        List<PanelReportRow> rows = new ArrayList<>(sorted.size());
        for (PanelHour h : sorted) {
            ZoneId zone = h.facts().zone();
            Map<Comparison, Double> diffs = new EnumMap<>(Comparison.class);
            for (Comparison c : Comparison.values()) {
                Instant ref = SlotCalendar.reference(h.slot(), c, zone);
                Double refGen = generation(panelId, ref, range, inRun, history);
                diffs.put(c, refGen == null ? null : h.energyWh() - refGen);
            }
            Map<Period, Double> acum = new EnumMap<>(Period.class);
            for (Period p : Period.values()) {
                boolean carries =
                        previous != null
                                && SlotCalendar.samePeriod(previous.slot(), h.slot(), p, zone);
                acum.put(p, (carries ? previous.acum().get(p) : 0.0) + h.energyWh());
            }
            previous = new PanelHistory.Last(h.slot(), acum);
            rows.add(
                    PanelReportRow.of(
                            h.facts().columns(),
                            panelId,
                            h.slot(),
                            h.energyWh(),
                            diffs,
                            acum,
                            h.samples(),
                            h.coverage()));
        }
        return rows;
    }

    /** A slot's generation: from the run when the slot lies in it, else from history. */
    static Double generation(
            String panelId,
            Instant slot,
            HourRange range,
            Map<Instant, Double> inRun,
            PanelHistory history) {
        return range.contains(slot) ? inRun.get(slot) : history.powerGen(panelId, slot);
    }

    /** The reference slots of a panel hour that lie before the run: what history must provide. */
    public static List<Instant> referencesBefore(PanelHour h, HourRange range) {
        List<Instant> refs = new ArrayList<>();
        for (Comparison c : Comparison.values()) {
            Instant ref = SlotCalendar.reference(h.slot(), c, h.facts().zone());
            if (ref.isBefore(range.from())) {
                refs.add(ref);
            }
        }
        return refs;
    }
}
