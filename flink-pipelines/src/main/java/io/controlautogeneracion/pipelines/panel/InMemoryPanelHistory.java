package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Period;
import io.controlautogeneracion.model.druid.PanelReportRow;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** {@link PanelHistory} held in maps: what the Druid history reads into, and the tests' history. */
public final class InMemoryPanelHistory implements PanelHistory {
    private final Map<String, Map<Instant, Double>> generation = new HashMap<>();
    private final Map<String, Last> last = new HashMap<>();

    public InMemoryPanelHistory putGeneration(String key, Instant slot, double powerGen) {
        generation.computeIfAbsent(key, k -> new HashMap<>()).put(slot, powerGen);
        return this;
    }

    /** Keeps the later of the known and the given latest report. */
    public InMemoryPanelHistory putLast(String key, Last report) {
        last.merge(key, report, (a, b) -> a.slot().isAfter(b.slot()) ? a : b);
        return this;
    }

    /** History made of stored rows, as the runs before {@code before} left them. */
    public static InMemoryPanelHistory of(Iterable<PanelReportRow> rows, Instant before) {
        InMemoryPanelHistory h = new InMemoryPanelHistory();
        for (PanelReportRow r : rows) {
            if (!r.timestamp().isBefore(before)) {
                continue;
            }
            String key = PanelReports.key(r.panelId(), r.enrichment().clientId());
            h.putGeneration(key, r.timestamp(), r.powerGen());
            Map<Period, Double> acum = new EnumMap<>(Period.class);
            for (Period p : Period.values()) {
                acum.put(p, r.acum(p));
            }
            h.putLast(key, new Last(r.timestamp(), acum));
        }
        return h;
    }

    @Override
    public Double powerGen(String key, Instant slot) {
        Map<Instant, Double> slots = generation.get(key);
        return slots == null ? null : slots.get(slot);
    }

    @Override
    public Last last(String key) {
        return last.get(key);
    }
}
