package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Period;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The panel reports already stored before a run: the generation of reference slots that lie before
 * the processed range, and each panel's latest report before it (its running totals carry on from
 * there).
 */
public interface PanelHistory {

    /** {@code power_gen} of the panel's slot, or null when that slot has no report. */
    Double powerGen(String panelId, Instant slot);

    /** The panel's latest report before the run, or null when it has none in the last year. */
    Last last(String panelId);

    /** A report's slot and running totals. */
    record Last(Instant slot, Map<Period, Double> acum) {
        public Last {
            acum = new EnumMap<>(acum);
        }
    }

    /** No history at all: a first run. */
    PanelHistory NONE =
            new PanelHistory() {
                @Override
                public Double powerGen(String panelId, Instant slot) {
                    return null;
                }

                @Override
                public Last last(String panelId) {
                    return null;
                }
            };
}
