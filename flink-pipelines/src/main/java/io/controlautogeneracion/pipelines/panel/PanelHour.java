package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import java.time.Instant;

/**
 * A panel's hour after RichPanel: its energy with the data-quality figures and what the catalog
 * says about the panel in that hour. The input of the report and of the alarms.
 */
public record PanelHour(
        String panelId,
        Instant slot,
        double energyWh,
        int samples,
        double coverage,
        int counterResets,
        CatalogFacts facts) {

    /** No reading at all in the hour: a panel that fell silent ({@link SilentPanels}). */
    public boolean silent() {
        return samples == 0;
    }

    /**
     * The share of the hour an expectation covers: the readings' coverage, or all of a silent hour.
     */
    public double expectedShare() {
        return silent() ? 1.0 : coverage;
    }

    public PanelHour withFacts(CatalogFacts f) {
        return new PanelHour(panelId, slot, energyWh, samples, coverage, counterResets, f);
    }
}
