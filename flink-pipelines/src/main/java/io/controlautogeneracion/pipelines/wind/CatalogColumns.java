package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.druid.Enrichment;

/** Flattens what the catalog knows about a device into the columns every Druid row carries. */
final class CatalogColumns {
    private CatalogColumns() {}

    static Enrichment of(io.controlautogeneracion.model.catalog.Enrichment e) {
        Client c = e.client();
        Device d = e.device();
        if (c == null && d == null) {
            return Enrichment.none();
        }
        return new Enrichment(
                c == null ? null : c.clientId(),
                c == null ? null : c.address(),
                c == null ? null : c.postalCode(),
                c == null ? null : c.name(),
                c == null ? null : c.apell1(),
                c == null ? null : c.apell2(),
                d == null ? null : d.model(),
                d == null ? null : d.manufactureDate(),
                d == null ? null : d.installDate());
    }

    static EnrichmentStatus status(io.controlautogeneracion.model.catalog.Enrichment e) {
        if (e.attributed()) {
            return EnrichmentStatus.OK;
        }
        return e.device() == null && e.clientRel() == null
                ? EnrichmentStatus.UNKNOWN_DEVICE
                : EnrichmentStatus.NO_OWNER;
    }
}
