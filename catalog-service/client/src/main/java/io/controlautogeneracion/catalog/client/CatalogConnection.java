package io.controlautogeneracion.catalog.client;

import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.Collection;
import java.time.Duration;

/**
 * An open cluster and the catalog bucket's default collection (the stand-in has no named
 * collections, and the catalog needs none). Closing it disconnects.
 */
public final class CatalogConnection implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Cluster cluster;
    private final Collection collection;

    private CatalogConnection(Cluster cluster, Collection collection) {
        this.cluster = cluster;
        this.collection = collection;
    }

    /** Connects and waits until the bucket answers key-value requests. */
    public static CatalogConnection open(CatalogClientSettings settings) {
        CatalogConnection connection = openInBackground(settings);
        try {
            connection.cluster.bucket(settings.bucket()).waitUntilReady(READY_TIMEOUT);
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Connects without waiting: the SDK connects in the background and keeps trying; until it has,
     * reads fail after their timeout.
     */
    public static CatalogConnection openInBackground(CatalogClientSettings settings) {
        Cluster cluster =
                Cluster.connect(
                        settings.connectionString(),
                        ClusterOptions.clusterOptions(settings.username(), settings.password())
                                .environment(
                                        env ->
                                                env.timeoutConfig(
                                                        t -> t.kvTimeout(settings.kvTimeout()))));
        try {
            return new CatalogConnection(
                    cluster, cluster.bucket(settings.bucket()).defaultCollection());
        } catch (RuntimeException e) {
            cluster.disconnect();
            throw e;
        }
    }

    public Cluster cluster() {
        return cluster;
    }

    public Collection collection() {
        return collection;
    }

    @Override
    public void close() {
        cluster.disconnect(READY_TIMEOUT);
    }
}
