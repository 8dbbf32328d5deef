package io.controlautogeneracion.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every setting of catalog-service (environment: {@code CATALOG_...}). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {
    Couchbase couchbase();

    Cache cache();

    Demo demo();

    /** Largest page a listing returns. */
    @WithDefault("200")
    int maxPageSize();

    /** Connection to the catalog bucket. */
    interface Couchbase {
        /** e.g. {@code couchbase://127.0.0.1}. */
        String connectionString();

        /** Defaults to the bucket name (the stand-in's convention). */
        Optional<String> username();

        String password();

        @WithDefault("catalog")
        String bucket();

        @WithDefault("PT2.5S")
        Duration kvTimeout();
    }

    /** The enrichment cache of the catalog client. */
    interface Cache {
        @WithDefault("100000")
        long size();

        @WithDefault("PT5M")
        Duration ttl();

        @WithDefault("PT30S")
        Duration missingTtl();
    }

    /** The demo fleet of the local stack. */
    interface Demo {
        /** Import the demo fleet at start (idempotent). */
        @WithDefault("false")
        boolean load();

        @WithDefault("demo/fleet.json")
        String resource();
    }
}
