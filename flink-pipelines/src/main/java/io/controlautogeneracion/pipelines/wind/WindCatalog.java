package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.catalog.Enrichment;
import java.io.Serializable;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link RichSensorWind} needs from the catalog: the enrichment of one anemometer at one
 * instant. An interface so that operator tests can answer from memory, fail, or hang.
 */
public interface WindCatalog extends AutoCloseable {

    /** The relation, client, device and element valid at {@code at}; a failed future on error. */
    CompletableFuture<Enrichment> enrich(String windId, Instant at);

    /** Releases connections; nothing by default. */
    @Override
    default void close() throws Exception {}

    /** Opens a catalog in each parallel instance (Couchbase connections cannot be serialised). */
    interface Factory extends Serializable {
        WindCatalog open();
    }
}
