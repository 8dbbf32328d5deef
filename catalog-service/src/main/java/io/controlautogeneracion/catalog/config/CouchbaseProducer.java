package io.controlautogeneracion.catalog.config;

import com.couchbase.client.java.AsyncCollection;
import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.catalog.client.CatalogConnection;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The Couchbase connection (plain SDK) and the catalog client, as CDI beans. */
@ApplicationScoped
public class CouchbaseProducer {
    private final CatalogConfig config;

    public CouchbaseProducer(CatalogConfig config) {
        this.config = config;
    }

    CatalogClientSettings settings() {
        CatalogConfig.Couchbase cb = config.couchbase();
        return new CatalogClientSettings(
                cb.connectionString(),
                cb.username().orElse(cb.bucket()),
                cb.password(),
                cb.bucket(),
                config.cache().size(),
                config.cache().ttl(),
                config.cache().missingTtl(),
                cb.kvTimeout());
    }

    @Produces
    @Singleton
    CatalogConnection connection() {
        return CatalogConnection.open(settings());
    }

    void close(@Disposes CatalogConnection connection) {
        connection.close();
    }

    @Produces
    @Singleton
    AsyncCollection collection(CatalogConnection connection) {
        return connection.collection().async();
    }

    /** The enrichment client, its cache's hits and misses published as {@code catalog_cache_*}. */
    @Produces
    @Singleton
    CatalogClient catalogClient(AsyncCollection collection, MeterRegistry registry) {
        CatalogClient client = new CatalogClient(collection, settings());
        FunctionCounter.builder("catalog.cache.hits", client, c -> c.cacheStats().hitCount())
                .description("enrichment cache hits")
                .register(registry);
        FunctionCounter.builder("catalog.cache.misses", client, c -> c.cacheStats().missCount())
                .description("enrichment cache misses (key-value reads)")
                .register(registry);
        return client;
    }
}
