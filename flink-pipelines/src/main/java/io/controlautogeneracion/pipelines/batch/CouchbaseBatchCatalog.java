package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The catalog through catalog-client: cached asynchronous key-value reads from Couchbase. */
public final class CouchbaseBatchCatalog implements BatchCatalog {
    private final CatalogClient client;

    CouchbaseBatchCatalog(CatalogClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Enrichment> enrich(DeviceKind kind, String deviceId, Instant at) {
        return client.enrich(kind, deviceId, at);
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
