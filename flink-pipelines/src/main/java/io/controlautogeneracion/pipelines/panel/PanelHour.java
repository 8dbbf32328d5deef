package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import java.time.Instant;

/**
 * A panel's hour for one owner: the energy attributed to that owner in the hour ({@link
 * PanelEnergy}), its data quality, and what the catalog says about the panel and owner then. The
 * input of the report and of the alarms.
 */
public record PanelHour(
        String panelId, Instant slot, double energyWh, PanelQuality quality, CatalogFacts facts) {

    /** A panel that sent nothing in the hour and has no energy for it ({@link SilentPanels}). */
    public static PanelHour silent(String panelId, Instant slot, CatalogFacts facts) {
        return new PanelHour(panelId, slot, 0, new PanelQuality(0, 0, 0, 0, 0), facts);
    }

    /** No reading at all in the hour, and no energy from a gap either. */
    public boolean silent() {
        return quality.samples() == 0 && energyWh == 0;
    }

    /** The energy measured over the covered part of the hour (without the gap-filled share). */
    public double measuredWh() {
        return Math.max(0, energyWh - quality.gapFilledWh());
    }

    /**
     * The share of the hour an expectation covers: the readings' coverage, or all of a silent hour.
     */
    public double expectedShare() {
        return silent() ? 1.0 : quality.coverage();
    }

    /** The row key of a panel hour: one row per panel, owner and slot. */
    public String owner() {
        return facts.clientId();
    }
}
