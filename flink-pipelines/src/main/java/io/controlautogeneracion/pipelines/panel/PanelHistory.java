package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Period;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The panel reports already stored before a stretch of rows is computed, per panel and client
 * ({@link PanelReports#key}): the generation of reference slots that lie before the stretch, and
 * each key's latest report before it (its running totals carry on from there).
 */
public interface PanelHistory {

    /** {@code power_gen} of the key's slot, or null when that slot has no report. */
    Double powerGen(String key, Instant slot);

    /** The key's latest report before the stretch, or null when it has none in the last year. */
    Last last(String key);

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
                public Double powerGen(String key, Instant slot) {
                    return null;
                }

                @Override
                public Last last(String key) {
                    return null;
                }
            };
}
