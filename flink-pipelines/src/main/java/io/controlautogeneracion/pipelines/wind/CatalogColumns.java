package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.druid.Enrichment;
import io.controlautogeneracion.model.time.IsoTime;
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

    /** What the catalog knows about one device at one instant, flattened (the model's rule). */
    public static CatalogColumns of(io.controlautogeneracion.model.catalog.Enrichment e) {
        if (e.client() == null && e.device() == null) {
            return NONE;
        }
        Enrichment flat = Enrichment.of(e);
        return new CatalogColumns(
                flat.clientId(),
                flat.address(),
                flat.postalCode(),
                flat.name(),
                flat.apell1(),
                flat.apell2(),
                flat.model(),
                text(flat.manufactureDate()),
                text(flat.installDate()));
    }

    /**
     * How much the catalog could say, by the model's rule ({@link
     * io.controlautogeneracion.model.catalog.EnrichmentStatus#of}), as the job's own enum, which
     * its checkpointed state holds.
     */
    public static EnrichmentStatus status(io.controlautogeneracion.model.catalog.Enrichment e) {
        return EnrichmentStatus.valueOf(
                io.controlautogeneracion.model.catalog.EnrichmentStatus.of(e).name());
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
        return IsoTime.parseDate(text);
    }
}
