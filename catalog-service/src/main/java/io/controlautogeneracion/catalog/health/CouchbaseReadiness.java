package io.controlautogeneracion.catalog.health;

import io.controlautogeneracion.catalog.config.CatalogConfig;
import io.controlautogeneracion.catalog.store.IdIndex;
import io.controlautogeneracion.catalog.store.KvStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the catalog bucket answers a key-value read. */
@Readiness
@ApplicationScoped
public class CouchbaseReadiness implements HealthCheck {
    private final Instance<KvStore> store;
    private final CatalogConfig config;

    public CouchbaseReadiness(Instance<KvStore> store, CatalogConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response =
                HealthCheckResponse.named("couchbase")
                        .withData("bucket", config.couchbase().bucket());
        try {
            store.get()
                    .get("health::probe", IdIndex.class)
                    .await()
                    .atMost(config.couchbase().kvTimeout().plus(Duration.ofSeconds(1)));
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.toString()).build();
        }
    }
}
