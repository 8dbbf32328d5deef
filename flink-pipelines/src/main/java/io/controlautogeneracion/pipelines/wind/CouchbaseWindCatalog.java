package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The catalog through catalog-client: cached, asynchronous key-value reads from Couchbase. */
public final class CouchbaseWindCatalog implements WindCatalog {
    private final CatalogClient client;

    CouchbaseWindCatalog(CatalogClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Enrichment> enrich(String windId, Instant at) {
        return client.enrich(DeviceKind.WIND, windId, at);
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    /**
     * Connection settings as plain fields, since {@link CatalogClientSettings} is not serialisable.
     */
    public record Factory(
            String connectionString,
            String username,
            String password,
            String bucket,
            long cacheSize,
            Duration cacheTtl,
            Duration missingTtl,
            Duration kvTimeout)
            implements WindCatalog.Factory {

        @Override
        public WindCatalog open() {
            return new CouchbaseWindCatalog(
                    CatalogClient.connect(
                            new CatalogClientSettings(
                                    connectionString,
                                    username,
                                    password,
                                    bucket,
                                    cacheSize,
                                    cacheTtl,
                                    missingTtl,
                                    kvTimeout)));
        }
    }
}
