package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.druid.Enrichment;
import java.time.LocalDate;

/**
 * The catalog columns every Druid row carries (the model's {@link Enrichment}), as Flink moves them
 * between operators: dates as ISO strings, because Flink would hand {@link LocalDate} fields to
 * Kryo. The wind job's records carry it, and so do the hourly batch's {@code CatalogFacts}.
 */
public record CatalogColumns(
        String clientId,
        String address,
        String postalCode,
        String name,
        String apell1,
        String apell2,
        String model,
        String manufactureDate,
        String installDate) {

    /** All null: a device the catalog does not know, or a catalog that did not answer. */
    public static final CatalogColumns NONE =
            new CatalogColumns(null, null, null, null, null, null, null, null, null);

    /** What the catalog knows about one device at one instant, flattened. */
    public static CatalogColumns of(io.controlautogeneracion.model.catalog.Enrichment e) {
        Client c = e.client();
        Device d = e.device();
        if (c == null && d == null) {
            return NONE;
        }
        return new CatalogColumns(
                c == null ? null : c.clientId(),
                c == null ? null : c.address(),
                c == null ? null : c.postalCode(),
                c == null ? null : c.name(),
                c == null ? null : c.apell1(),
                c == null ? null : c.apell2(),
                d == null ? null : d.model(),
                d == null ? null : text(d.manufactureDate()),
                d == null ? null : text(d.installDate()));
    }

    /** How much the catalog could say: owned, known without owner, or unknown. */
    public static EnrichmentStatus status(io.controlautogeneracion.model.catalog.Enrichment e) {
        if (e.attributed()) {
            return EnrichmentStatus.OK;
        }
        return e.device() == null && e.clientRel() == null
                ? EnrichmentStatus.UNKNOWN_DEVICE
                : EnrichmentStatus.NO_OWNER;
    }

    /** The model's row columns. */
    public Enrichment toEnrichment() {
        return new Enrichment(
                clientId,
                address,
                postalCode,
                name,
                apell1,
                apell2,
                model,
                date(manufactureDate),
                date(installDate));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
