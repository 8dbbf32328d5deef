package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.wind.CatalogColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Panel hours for the report and alarm tests: catalog facts and a deterministic generation. */
final class PanelFixtures {
    private PanelFixtures() {}

    static CatalogFacts client(String clientId, String zone) {
        return new CatalogFacts(
                true,
                new CatalogColumns(
                        clientId,
                        "Calle 1",
                        "28013",
                        "Ana",
                        "Uno",
                        "Dos",
                        "PV-400",
                        "2024-01-01",
                        "2024-06-01"),
                zone,
                40.4,
                -3.7,
                30.0,
                180.0,
                400.0,
                null,
                null);
    }

    /** A distinct, reproducible generation for every panel and slot (1–997 Wh plus an offset). */
    static double wh(String panelId, Instant slot) {
        long hours = slot.getEpochSecond() / 3600;
        return 1 + Math.floorMod(hours * 31 + panelId.hashCode(), 997);
    }

    static PanelHour hour(String panelId, Instant slot, CatalogFacts facts) {
        return new PanelHour(panelId, slot, wh(panelId, slot), PanelQuality.complete(60), facts);
    }

    /** One hour per slot of {@code range}, except the slots in {@code missing}. */
    static List<PanelHour> hours(
            String panelId, HourRange range, CatalogFacts facts, List<Instant> missing) {
        List<PanelHour> out = new ArrayList<>();
        for (Instant slot : range.slots()) {
            if (!missing.contains(slot)) {
                out.add(hour(panelId, slot, facts));
            }
        }
        return out;
    }
}
