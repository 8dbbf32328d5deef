package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog through catalog-client: cached, asynchronous key-value reads from Couchbase.
 *
 * <p>Opening waits at most {@code readyWait} for the bucket: a catalog that is up (however slowly
 * the stack starts) is connected before the first reading, whose lookup would otherwise fail while
 * the bucket is still opening. A catalog that does not answer by then does not hold the job back:
 * the SDK keeps connecting in the background, and until it has, reads fail after their timeout and
 * the readings go on flagged {@code catalog_unavailable}.
 */
public final class CouchbaseWindCatalog implements WindCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(CouchbaseWindCatalog.class);

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

    /** Opens the catalog of {@code settings}, waiting at most {@code readyWait} for the cluster. */
    public record Factory(CatalogClientSettings settings, Duration readyWait)
            implements WindCatalog.Factory {

        @Override
        public WindCatalog open() {
            CatalogClient client = CatalogClient.connectInBackground(settings);
            if (!client.awaitReady(readyWait)) {
                LOG.warn(
                        "the catalog {} (bucket {}) did not answer within {} s: the job goes on,"
                                + " its readings flagged catalog_unavailable until it does",
                        settings.connectionString(),
                        settings.bucket(),
                        readyWait.toSeconds());
            }
            return new CouchbaseWindCatalog(client);
        }
    }
}
