package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Period;
import io.controlautogeneracion.model.druid.PanelReportRow;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What a long run has computed so far, as the history of its next stretch: each key's {@code
 * power_gen} per slot (compact, a year of hours in 105 KB) and latest report with its running
 * totals, and each panel's latest hour with readings. The stretches of one run follow each other in
 * time, so nothing needs to be read back from Druid between them; slots before the run come from
 * the history Druid holds.
 */
final class CarriedHistory {
    private final Instant from;
    private final Map<String, ReportChain.SlotValues> generation = new HashMap<>();
    private final Map<String, PanelHistory.Last> last = new HashMap<>();
    private final Map<String, Instant> lastWithReadings = new HashMap<>();

    /**
     * @param from the run's first slot
     */
    CarriedHistory(Instant from) {
        this.from = from;
    }

    /** The run's first slot. */
    Instant from() {
        return from;
    }

    /** Takes the rows a stretch wrote, in time order. */
    void remember(Iterable<PanelReportRow> rows) {
        for (PanelReportRow r : rows) {
            String key = PanelReports.key(r.panelId(), r.enrichment().clientId());
            generation
                    .computeIfAbsent(key, k -> new ReportChain.SlotValues())
                    .add(r.timestamp(), r.powerGen());
            Map<Period, Double> acum = new EnumMap<>(Period.class);
            for (Period p : Period.values()) {
                acum.put(p, r.acum(p));
            }
            last.put(key, new PanelHistory.Last(r.timestamp(), acum));
            if (r.quality().samples() > 0) {
                lastWithReadings.merge(r.panelId(), r.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    /** The history of a stretch: this run's rows, and {@code stored} for slots before the run. */
    PanelHistory over(PanelHistory stored) {
        return new PanelHistory() {
            @Override
            public Double powerGen(String key, Instant slot) {
                if (slot.isBefore(from)) {
                    return stored.powerGen(key, slot);
                }
                ReportChain.SlotValues values = generation.get(key);
                return values == null ? null : values.get(slot);
            }

            @Override
            public Last last(String key) {
                Last own = last.get(key);
                return own != null ? own : stored.last(key);
            }
        };
    }

    /** Each panel's latest hour with readings in {@code [since, before)} this run computed. */
    Map<String, Instant> lastReports(Instant since, Instant before) {
        Map<String, Instant> out = new HashMap<>();
        lastWithReadings.forEach(
                (panel, slot) -> {
                    if (!slot.isBefore(since) && slot.isBefore(before)) {
                        out.put(panel, slot);
                    }
                });
        return out;
    }
}
