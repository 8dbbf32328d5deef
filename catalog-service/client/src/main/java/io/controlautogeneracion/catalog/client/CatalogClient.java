package io.controlautogeneracion.catalog.client;

import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.AsyncCollection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.kv.GetOptions;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.DeviceHistory;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads the catalog by key with a bounded, expiring cache in front of Couchbase, so a steady fleet
 * costs a few reads per device per cache period instead of one per reading. Every method is
 * asynchronous; an absent document is an empty result, a failed read a failed future.
 */
public final class CatalogClient implements AutoCloseable {
    private final AsyncCollection collection;
    private final Duration kvTimeout;

    /** Per key, the document ({@code Optional}) or a {@link FailedRead}, which expires at once. */
    private final AsyncCache<String, Object> cache;

    private final AutoCloseable owner;

    /** A client over a collection whose connection the caller owns. */
    public CatalogClient(AsyncCollection collection, CatalogClientSettings settings) {
        this(collection, settings, null);
    }

    CatalogClient(AsyncCollection collection, CatalogClientSettings settings, AutoCloseable owner) {
        this.collection = collection;
        this.kvTimeout = settings.kvTimeout();
        this.owner = owner;
        this.cache =
                Caffeine.newBuilder()
                        .maximumSize(settings.cacheSize())
                        .expireAfter(new FoundOrMissingExpiry(settings))
                        .recordStats()
                        .buildAsync();
    }

    /**
     * Connects and waits until the bucket answers: the batch jobs' entry point. The connection is
     * shared with the JVM's other clients of the same cluster and bucket, and closed by the last
     * {@link #close()}.
     */
    public static CatalogClient connect(CatalogClientSettings settings) {
        SharedConnections.Lease lease = SharedConnections.lease(settings);
        try {
            lease.connection().waitUntilReady();
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return over(lease, settings);
    }

    /**
     * Connects without waiting: a job that must start while the catalog is down reads, and flags
     * its readings, until the SDK has connected. The connection is shared as {@link #connect}'s.
     */
    public static CatalogClient connectInBackground(CatalogClientSettings settings) {
        return over(SharedConnections.lease(settings), settings);
    }

    /**
     * Waits up to {@code wait} until its connection's bucket answers, and says whether it did (at
     * once true for a client over a caller's collection). Nothing fails either way: a job that
     * opened its client in the background can give a catalog that is up the time to connect before
     * its first read, without waiting long for one that is down.
     */
    public boolean awaitReady(Duration wait) {
        return !(owner instanceof SharedConnections.Lease lease)
                || lease.connection().awaitReady(wait);
    }

    private static CatalogClient over(
            SharedConnections.Lease lease, CatalogClientSettings settings) {
        return new CatalogClient(lease.connection().collection().async(), settings, lease);
    }

    /**
     * The relation valid at {@code at} for one device, with its client, device document and element
     * type. Two rounds of reads when nothing is cached (relations and device, then client and
     * element), none when everything is.
     */
    public CompletableFuture<Enrichment> enrich(DeviceKind kind, String deviceId, Instant at) {
        CompletableFuture<Optional<ClientRel>> relation =
                relations(kind, deviceId).thenApply(h -> h.flatMap(history -> history.at(at)));
        CompletableFuture<Optional<Device>> device = device(kind, deviceId);
        return relation.thenCombine(device, Pair::new)
                .thenCompose(
                        pair -> {
                            CompletableFuture<Optional<Client>> client =
                                    pair.rel().map(r -> client(r.clientId())).orElse(done());
                            CompletableFuture<Optional<Element>> element =
                                    pair.device().map(d -> element(kind, d.model())).orElse(done());
                            return client.thenCombine(
                                    element,
                                    (c, e) ->
                                            new Enrichment(
                                                    kind,
                                                    deviceId,
                                                    at,
                                                    pair.rel().orElse(null),
                                                    c.orElse(null),
                                                    pair.device().orElse(null),
                                                    e.orElse(null)));
                        });
    }

    /**
     * Everything the catalog says about one device through time ({@link DeviceHistory}): the
     * relation history and the device, then the clients its periods name and the element type. Two
     * rounds of reads when nothing is cached, none when everything is.
     */
    public CompletableFuture<DeviceHistory> history(DeviceKind kind, String deviceId) {
        return relations(kind, deviceId)
                .thenCombine(device(kind, deviceId), Found::new)
                .thenCompose(found -> found.complete(kind, deviceId));
    }

    /** The first round's answers; the second round completes them into a history. */
    private final class Found {
        final ClientRelHistory relations;
        final Device device;

        Found(Optional<ClientRelHistory> relations, Optional<Device> device) {
            this.relations = relations.orElse(null);
            this.device = device.orElse(null);
        }

        CompletableFuture<DeviceHistory> complete(DeviceKind kind, String deviceId) {
            Map<String, CompletableFuture<Optional<Client>>> clients = new HashMap<>();
            if (relations != null) {
                for (ClientRel rel : relations.periods()) {
                    if (rel.clientId() != null) {
                        clients.computeIfAbsent(rel.clientId(), CatalogClient.this::client);
                    }
                }
            }
            CompletableFuture<Optional<Element>> element =
                    device == null ? done() : element(kind, device.model());
            return CompletableFuture.allOf(clients.values().toArray(CompletableFuture[]::new))
                    .thenCombine(
                            element,
                            (all, type) -> {
                                Map<String, Client> byId = new HashMap<>();
                                clients.forEach(
                                        (id, c) -> c.join().ifPresent(v -> byId.put(id, v)));
                                return new DeviceHistory(
                                        kind, deviceId, relations, byId, device, type.orElse(null));
                            });
        }
    }

    public CompletableFuture<Optional<Client>> client(String clientId) {
        return cached(CatalogKeys.client(clientId), Client.class);
    }

    public CompletableFuture<Optional<Device>> device(DeviceKind kind, String deviceId) {
        return cached(CatalogKeys.device(kind, deviceId), deviceType(kind));
    }

    public CompletableFuture<Optional<Element>> element(DeviceKind kind, String model) {
        if (model == null) {
            return done();
        }
        return cached(CatalogKeys.element(kind, model), Element.class);
    }

    public CompletableFuture<Optional<ClientRelHistory>> relations(
            DeviceKind kind, String deviceId) {
        return cached(CatalogKeys.relations(kind, deviceId), ClientRelHistory.class);
    }

    /** Forgets one document, so the next read goes to Couchbase (called by the writer). */
    public void invalidate(String key) {
        cache.synchronous().invalidate(key);
    }

    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    public CacheStats cacheStats() {
        return cache.synchronous().stats();
    }

    public static Class<? extends Device> deviceType(DeviceKind kind) {
        return switch (kind) {
            case PANEL -> Panel.class;
            case LIGHT -> SensorLight.class;
            case WIND -> SensorWind.class;
        };
    }

    /**
     * The document through the cache. A failed read reaches the caller as a failed future and is
     * not kept; it is the caller's to report (the cache itself would log each one with its stack).
     */
    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<Optional<T>> cached(String key, Class<? extends T> type) {
        // one key always holds one type, so the unchecked view is safe
        return cache.get(
                        key,
                        (k, executor) ->
                                fetch(k, type)
                                        .handle(
                                                (document, error) ->
                                                        error == null
                                                                ? document
                                                                : new FailedRead(error)))
                .thenApply(
                        value -> {
                            if (value instanceof FailedRead failed) {
                                throw failed.error() instanceof CompletionException c
                                        ? c
                                        : new CompletionException(failed.error());
                            }
                            return (Optional<T>) value;
                        });
    }

    private <T> CompletableFuture<Optional<T>> fetch(String key, Class<T> type) {
        return collection
                .get(
                        key,
                        GetOptions.getOptions()
                                .transcoder(RawJsonTranscoder.INSTANCE)
                                .timeout(kvTimeout))
                .thenApply(r -> Optional.of(CatalogDocuments.read(r.contentAsBytes(), type)))
                .exceptionally(
                        e -> {
                            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                            if (cause instanceof DocumentNotFoundException) {
                                return Optional.empty();
                            }
                            throw new CompletionException(cause);
                        });
    }

    private static <T> CompletableFuture<Optional<T>> done() {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public void close() throws Exception {
        cache.synchronous().invalidateAll();
        if (owner != null) {
            owner.close();
        }
    }

    private record Pair(Optional<ClientRel> rel, Optional<Device> device) {}

    /** A read that failed, handed to the callers waiting on it and then forgotten. */
    private record FailedRead(Throwable error) {}
}
