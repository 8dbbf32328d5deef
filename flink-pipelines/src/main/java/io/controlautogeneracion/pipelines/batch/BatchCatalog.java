package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/**
 * What the hourly jobs need from the catalog: everything it says about a device through time (its
 * relation periods with their clients, the device and its element type). An interface so tests can
 * answer from memory.
 */
public interface BatchCatalog extends AutoCloseable {

    /**
     * The device's {@link CatalogTimeline}; {@link CatalogFacts#UNKNOWN} throughout for a device
     * the catalog does not know, a failed future when the catalog cannot answer.
     */
    CompletableFuture<CatalogTimeline> timeline(DeviceKind kind, String deviceId);

    @Override
    default void close() throws Exception {}

    /** Opens a catalog in each parallel instance (connections cannot be serialised). */
    interface Factory extends Serializable {
        BatchCatalog open();
    }
}
