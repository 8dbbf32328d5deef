package io.controlautogeneracion.catalog.client;

import com.couchbase.client.core.error.UnambiguousTimeoutException;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.env.ClusterEnvironment;
import java.time.Duration;

/**
 * An open cluster and the catalog bucket's default collection (the stand-in has no named
 * collections, and the catalog needs none). Closing it disconnects.
 */
public final class CatalogConnection implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TIMER_TICK = Duration.ofMillis(100);

    private final Cluster cluster;
    private final String bucket;
    private final Collection collection;

    private CatalogConnection(Cluster cluster, String bucket) {
        this.cluster = cluster;
        this.bucket = bucket;
        this.collection = cluster.bucket(bucket).defaultCollection();
    }

    /** Connects and waits until the bucket answers key-value requests. */
    public static CatalogConnection open(CatalogClientSettings settings) {
        CatalogConnection connection = openInBackground(settings);
        try {
            connection.waitUntilReady();
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Waits until the bucket answers key-value requests, at most 30 s; the SDK's timeout, with its
     * context, when it does not.
     */
    void waitUntilReady() {
        cluster.bucket(bucket).waitUntilReady(READY_TIMEOUT);
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
                                .environment(env -> configure(env, settings.kvTimeout())));
        try {
            return new CatalogConnection(cluster, settings.bucket());
        } catch (RuntimeException e) {
            cluster.disconnect();
            throw e;
        }
    }

    /**
     * The SDK's environment of every catalog connection, also of those made without this class
     * (ingest-service's CDI producer): reads time out after {@code kvTimeout}, and no background
     * thread wakes more often than it needs.
     */
    public static void configure(ClusterEnvironment.Builder env, Duration kvTimeout) {
        env.timeoutConfig(t -> t.kvTimeout(kvTimeout))
                // No logging meter: its latency statistics (a log line every 10 min) keep a
                // pause-detector thread waking every millisecond, a constant CPU cost in every
                // process that holds a connection.
                .loggingMeterConfig(m -> m.enabled(false))
                // The SDK's timer (requests' timeouts, retries' delays) ticks every 100 ms instead
                // of 10: a timeout of a second or more fires at most a tick late, and an idle
                // process no longer wakes a thread a hundred times a second (5.5 CPU-ms per second
                // of an idle ingest-service, the largest part of its idle cost).
                .ioConfig(io -> io.timerConfig(t -> t.tickDuration(TIMER_TICK)))
                // No transactions here: their cleanup of lost attempts would keep a thread polling.
                .transactionsConfig(
                        t ->
                                t.cleanupConfig(
                                        c ->
                                                c.cleanupLostAttempts(false)
                                                        .cleanupClientAttempts(false)));
    }

    /**
     * Waits up to {@code wait} until the bucket answers key-value requests; whether it did. The
     * connection stays open either way, and the SDK keeps connecting in the background.
     */
    public boolean awaitReady(Duration wait) {
        try {
            cluster.bucket(bucket).waitUntilReady(wait);
            return true;
        } catch (UnambiguousTimeoutException e) {
            return false;
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
