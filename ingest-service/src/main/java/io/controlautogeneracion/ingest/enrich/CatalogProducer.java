package io.controlautogeneracion.ingest.enrich;

import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.catalog.client.CatalogConnection;
import io.controlautogeneracion.ingest.IngestConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The Couchbase connection (plain SDK) and the cached catalog client, as CDI beans. Connecting does
 * not wait for the cluster: the SDK keeps trying in the background, and until it answers lookups
 * fail after their timeout and readings are stored {@code catalog_unavailable}, so a catalog down
 * at start neither delays nor stops the ingest.
 */
public class CatalogProducer {
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Produces
    @Singleton
    Cluster cluster(IngestConfig config) {
        IngestConfig.Catalog c = config.catalog();
        return Cluster.connect(
                c.connectionString(),
                ClusterOptions.clusterOptions(c.username().orElse(c.bucket()), c.password())
                        // The cache's hits and misses are this service's own metrics.
                        .environment(env -> CatalogConnection.configure(env, c.kvTimeout())));
    }

    void disconnect(@Disposes Cluster cluster) {
        cluster.disconnect(DISCONNECT_TIMEOUT);
    }

    /** The client, its cache's hits and misses published as {@code ingest_catalog_cache_*}. */
    @Produces
    @Singleton
    CatalogClient catalogClient(Cluster cluster, IngestConfig config, MeterRegistry registry) {
        IngestConfig.Catalog c = config.catalog();
        CatalogClient client =
                new CatalogClient(
                        cluster.bucket(c.bucket()).defaultCollection().async(),
                        new CatalogClientSettings(
                                c.connectionString(),
                                c.username().orElse(c.bucket()),
                                c.password(),
                                c.bucket(),
                                c.cacheSize(),
                                c.cacheTtl(),
                                c.missingTtl(),
                                c.kvTimeout()));
        FunctionCounter.builder("ingest.catalog.cache.hits", client, k -> k.cacheStats().hitCount())
                .description("catalog cache hits")
                .register(registry);
        FunctionCounter.builder(
                        "ingest.catalog.cache.misses", client, k -> k.cacheStats().missCount())
                .description("catalog cache misses (key-value reads)")
                .register(registry);
        return client;
    }

    void close(@Disposes CatalogClient client) throws Exception {
        client.close();
    }
}
