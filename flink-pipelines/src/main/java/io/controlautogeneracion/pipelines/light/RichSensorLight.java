package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.CatalogEnrichment;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import java.time.Instant;

/** RichSensorLight: a light sensor's hour enriched with the relation valid in that hour. */
public final class RichSensorLight extends CatalogEnrichment<LightHour> {
    public RichSensorLight(BatchCatalog.Factory catalog) {
        super(catalog, DeviceKind.LIGHT);
    }

    @Override
    protected String deviceId(LightHour hour) {
        return hour.lightId();
    }

    @Override
    protected Instant slot(LightHour hour) {
        return hour.slot();
    }

    @Override
    protected LightHour withFacts(LightHour hour, CatalogFacts facts) {
        return hour.withFacts(facts);
    }
}
