package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.util.concurrent.CompletableFuture;

/** The catalog through catalog-client: cached asynchronous key-value reads from Couchbase. */
public final class CouchbaseBatchCatalog implements BatchCatalog {
    private final CatalogClient client;

    CouchbaseBatchCatalog(CatalogClient client) {
        this.client = client;
    }

    /**
     * Two rounds of reads when nothing is cached: the relation history and the device, then the
     * clients its periods name and the element type ({@link CatalogClient#history}).
     */
    @Override
    public CompletableFuture<CatalogTimeline> timeline(DeviceKind kind, String deviceId) {
        return client.history(kind, deviceId).thenApply(CatalogTimeline::of);
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    /** Opens the catalog of {@code settings}, waiting until its bucket answers. */
    public record Factory(CatalogClientSettings settings) implements BatchCatalog.Factory {

        @Override
        public BatchCatalog open() {
            return new CouchbaseBatchCatalog(CatalogClient.connect(settings));
        }
    }
}
