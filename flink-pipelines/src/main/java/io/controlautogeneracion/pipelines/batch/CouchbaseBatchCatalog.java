package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Duration;
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

    /** Connection settings as plain fields ({@link CatalogClientSettings} is not serialisable). */
    public record Factory(
            String connectionString,
            String username,
            String password,
            String bucket,
            long cacheSize,
            Duration cacheTtl,
            Duration kvTimeout)
            implements BatchCatalog.Factory {

        @Override
        public BatchCatalog open() {
            return new CouchbaseBatchCatalog(
                    CatalogClient.connect(
                            new CatalogClientSettings(
                                    connectionString,
                                    username,
                                    password,
                                    bucket,
                                    cacheSize,
                                    cacheTtl,
                                    // A batch run reads a settled catalog: absent stays absent.
                                    cacheTtl,
                                    kvTimeout)));
        }
    }
}
