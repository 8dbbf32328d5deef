package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.pipelines.wind.CatalogColumns;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What the hourly jobs keep of a device's catalog enrichment, flat and Flink-serialisable: the
 * Druid enrichment columns (the same {@link CatalogColumns} the wind job carries), the client's
 * zone and location, the device's plane and peak power, and its type's alarm thresholds. Any field
 * is null when the catalog does not know it.
 */
public record CatalogFacts(
        boolean known,
        CatalogColumns catalog,
        String timezone,
        Double latitude,
        Double longitude,
        Double tilt,
        Double azimuth,
        Double powerCap,
        Double minProductionRatio,
        Double luxDropRatio)
        implements Serializable {

    /** A device the catalog does not know (or could not be asked about). */
    public static final CatalogFacts UNKNOWN =
            new CatalogFacts(
                    false, CatalogColumns.NONE, null, null, null, null, null, null, null, null);

    public CatalogFacts {
        if (catalog == null) {
            catalog = CatalogColumns.NONE;
        }
    }

    public static CatalogFacts of(Enrichment e) {
        Client c = e.client();
        Device d = e.device();
        Element el = e.element();
        if (c == null && d == null) {
            return UNKNOWN;
        }
        Double tilt = null;
        Double azimuth = null;
        Double powerCap = null;
        if (d instanceof Panel p) {
            tilt = p.tilt();
            azimuth = p.azimuth();
            powerCap = p.powerCap();
        } else if (d instanceof SensorLight s) {
            powerCap = s.powerCap();
        }
        if (powerCap == null && el != null) {
            powerCap = el.powerCap();
        }
        return new CatalogFacts(
                true,
                CatalogColumns.of(e),
                c == null ? null : c.zone().getId(),
                c == null ? null : c.latitude(),
                c == null ? null : c.longitude(),
                tilt,
                azimuth,
                powerCap,
                el == null || el.thresholds() == null ? null : el.thresholds().minProductionRatio(),
                el == null || el.thresholds() == null ? null : el.thresholds().luxDropRatio());
    }

    /** The owner's client id, null without one. */
    public String clientId() {
        return catalog.clientId();
    }

    /** The device's model, null when unknown. */
    public String model() {
        return catalog.model();
    }

    /** The client's zone; UTC for a device without client (its calendar is the slots' own). */
    public ZoneId zone() {
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }

    public boolean hasLocation() {
        return latitude != null && longitude != null;
    }

    /** The columns every Druid row carries. */
    public io.controlautogeneracion.model.druid.Enrichment columns() {
        return catalog.toEnrichment();
    }
}
