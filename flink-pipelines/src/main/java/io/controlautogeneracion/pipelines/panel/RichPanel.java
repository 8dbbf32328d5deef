package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.CatalogEnrichment;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import java.time.Instant;

/** RichPanel: a panel's hour enriched with the catalog relation valid in that hour. */
public final class RichPanel extends CatalogEnrichment<PanelHour> {
    public RichPanel(BatchCatalog.Factory catalog) {
        super(catalog, DeviceKind.PANEL);
    }

    @Override
    protected String deviceId(PanelHour hour) {
        return hour.panelId();
    }

    @Override
    protected Instant slot(PanelHour hour) {
        return hour.slot();
    }

    @Override
    protected PanelHour withFacts(PanelHour hour, CatalogFacts facts) {
        return hour.withFacts(facts);
    }
}
