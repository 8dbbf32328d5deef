package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The catalog through catalog-client: cached, asynchronous key-value reads from Couchbase.
 *
 * <p>Opening does not wait for the cluster: the SDK connects in the background and keeps trying,
 * and until it has, reads fail after their timeout and the readings go on flagged {@code
 * catalog_unavailable}. A catalog outage at start therefore neither delays the job nor fails it.
 */
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

    /** Opens the catalog of {@code settings} without waiting for the cluster. */
    public record Factory(CatalogClientSettings settings) implements WindCatalog.Factory {

        @Override
        public WindCatalog open() {
            return new CouchbaseWindCatalog(CatalogClient.connectInBackground(settings));
        }
    }
}
