package io.controlautogeneracion.catalog.client;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the catalog client connects and caches. Serializable: a Flink job ships it to the task that
 * opens the client.
 *
 * @param connectionString e.g. {@code couchbase://db1,db2}
 * @param cacheSize documents kept at most (clients, devices, elements, relation histories)
 * @param cacheTtl how long a found document is trusted before it is read again
 * @param missingTtl how long "no such document" is trusted (shorter: a new install shows up soon)
 * @param kvTimeout timeout of one key-value read
 */
public record CatalogClientSettings(
        String connectionString,
        String username,
        String password,
        String bucket,
        long cacheSize,
        Duration cacheTtl,
        Duration missingTtl,
        Duration kvTimeout)
        implements Serializable {

    /** Defaults for a steady fleet: 100 000 documents, 5 minutes, 30 s for misses, 2.5 s reads. */
    public static CatalogClientSettings of(
            String connectionString, String username, String password, String bucket) {
        return new CatalogClientSettings(
                connectionString,
                username,
                password,
                bucket,
                100_000,
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                Duration.ofMillis(2500));
    }

    public CatalogClientSettings withCache(long size, Duration ttl, Duration missing) {
        return new CatalogClientSettings(
                connectionString, username, password, bucket, size, ttl, missing, kvTimeout);
    }
}
