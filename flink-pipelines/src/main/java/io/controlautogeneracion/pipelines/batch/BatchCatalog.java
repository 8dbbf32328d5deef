package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.io.Serializable;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What the hourly jobs need from the catalog: the enrichment of a device at an instant (the
 * relation valid then). An interface so tests can answer from memory.
 */
public interface BatchCatalog extends AutoCloseable {

    /** The relation, client, device and element valid at {@code at}; a failed future on error. */
    CompletableFuture<Enrichment> enrich(DeviceKind kind, String deviceId, Instant at);

    @Override
    default void close() throws Exception {}

    /** Opens a catalog in each parallel instance (connections cannot be serialised). */
    interface Factory extends Serializable {
        BatchCatalog open();
    }
}
