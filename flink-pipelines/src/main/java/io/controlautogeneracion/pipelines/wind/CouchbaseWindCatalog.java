package io.controlautogeneracion.pipelines.wind;

import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Duration;
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
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Cluster cluster;
    private final CatalogClient client;

    CouchbaseWindCatalog(Cluster cluster, CatalogClient client) {
        this.cluster = cluster;
        this.client = client;
    }

    @Override
    public CompletableFuture<Enrichment> enrich(String windId, Instant at) {
        return client.enrich(DeviceKind.WIND, windId, at);
    }

    @Override
    public void close() throws Exception {
        try {
            client.close();
        } finally {
            cluster.disconnect(DISCONNECT_TIMEOUT);
        }
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
            Cluster cluster =
                    Cluster.connect(
                            connectionString,
                            ClusterOptions.clusterOptions(username, password)
                                    .environment(
                                            env -> env.timeoutConfig(t -> t.kvTimeout(kvTimeout))));
            try {
                CatalogClient client =
                        new CatalogClient(
                                cluster.bucket(bucket).defaultCollection().async(),
                                new CatalogClientSettings(
                                        connectionString,
                                        username,
                                        password,
                                        bucket,
                                        cacheSize,
                                        cacheTtl,
                                        missingTtl,
                                        kvTimeout));
                return new CouchbaseWindCatalog(cluster, client);
            } catch (RuntimeException e) {
                cluster.disconnect(DISCONNECT_TIMEOUT);
                throw e;
            }
        }
    }
}
