package io.controlautogeneracion.catalog.config;

import io.controlautogeneracion.catalog.store.IdIndex;
import io.controlautogeneracion.model.catalog.AlarmThresholds;
import io.controlautogeneracion.model.catalog.CatalogDates;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Registers the catalog documents (from the model module) for Jackson in a native image. */
@RegisterForReflection(
        targets = {
            Client.class,
            Element.class,
            AlarmThresholds.class,
            Panel.class,
            SensorLight.class,
            SensorWind.class,
            ClientRel.class,
            ClientRelHistory.class,
            Enrichment.class,
            IdIndex.class,
            CatalogDates.LocalDateDeserializer.class,
            CatalogDates.InstantDeserializer.class,
            DeviceKinds.Reader.class,
            DeviceKinds.Writer.class
        })
public final class DocumentReflection {
    private DocumentReflection() {}
}
