package io.controlautogeneracion.catalog.store;

import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.AsyncCollection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.kv.GetOptions;
import com.couchbase.client.java.kv.InsertOptions;
import com.couchbase.client.java.kv.RemoveOptions;
import com.couchbase.client.java.kv.ReplaceOptions;
import com.couchbase.client.java.kv.UpsertOptions;
import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Key-value access to the catalog bucket with CAS: every point read and write of the service goes
 * through here, and every write evicts the key from the enrichment cache.
 */
@ApplicationScoped
public class KvStore {
    private static final int MAX_ATTEMPTS = 20;

    private final AsyncCollection collection;
    private final CatalogClient cache;

    public KvStore(AsyncCollection collection, CatalogClient cache) {
        this.collection = collection;
        this.cache = cache;
    }

    public <T> Uni<Optional<Versioned<T>>> get(String key, Class<T> type) {
        return Uni.createFrom()
                .completionStage(
                        () ->
                                collection.get(
                                        key,
                                        GetOptions.getOptions()
                                                .transcoder(RawJsonTranscoder.INSTANCE)))
                .map(
                        r ->
                                Optional.of(
                                        new Versioned<>(
                                                CatalogDocuments.read(r.contentAsBytes(), type),
                                                r.cas())))
                .onFailure(DocumentNotFoundException.class)
                .recoverWithItem(Optional.empty());
    }

    public <T> Uni<Versioned<T>> require(String key, Class<T> type) {
        return get(key, type).map(o -> o.orElseThrow(() -> CatalogException.notFound(key)));
    }

    /** Creates {@code key}; 409 when it exists. */
    public Uni<Long> insert(String key, Object document) {
        return Uni.createFrom()
                .completionStage(
                        () ->
                                collection.insert(
                                        key,
                                        CatalogDocuments.write(document),
                                        InsertOptions.insertOptions()
                                                .transcoder(RawJsonTranscoder.INSTANCE)))
                .map(r -> evicted(key, r.cas()))
                .onFailure(DocumentExistsException.class)
                .transform(e -> CatalogException.exists(key));
    }

    /** Replaces {@code key} if it is still at {@code cas} (0: any version); 412 when stale. */
    public Uni<Long> replace(String key, Object document, long cas) {
        return Uni.createFrom()
                .completionStage(
                        () ->
                                collection.replace(
                                        key,
                                        CatalogDocuments.write(document),
                                        ReplaceOptions.replaceOptions()
                                                .cas(cas)
                                                .transcoder(RawJsonTranscoder.INSTANCE)))
                .map(r -> evicted(key, r.cas()))
                .onFailure(CasMismatchException.class)
                .transform(e -> CatalogException.stale(key))
                .onFailure(DocumentNotFoundException.class)
                .transform(e -> CatalogException.notFound(key));
    }

    public Uni<Long> upsert(String key, Object document) {
        return Uni.createFrom()
                .completionStage(
                        () ->
                                collection.upsert(
                                        key,
                                        CatalogDocuments.write(document),
                                        UpsertOptions.upsertOptions()
                                                .transcoder(RawJsonTranscoder.INSTANCE)))
                .map(r -> evicted(key, r.cas()));
    }

    /** Removes {@code key} if it is still at {@code cas} (0: any version). */
    public Uni<Void> remove(String key, long cas) {
        return Uni.createFrom()
                .completionStage(
                        () -> collection.remove(key, RemoveOptions.removeOptions().cas(cas)))
                .map(r -> evicted(key, r.cas()))
                .onFailure(CasMismatchException.class)
                .transform(e -> CatalogException.stale(key))
                .onFailure(DocumentNotFoundException.class)
                .transform(e -> CatalogException.notFound(key))
                .replaceWithVoid();
    }

    /**
     * Read-modify-write under CAS, retried when another writer got in between. {@code change} gets
     * the current document (empty when absent) and returns the next one; returning an equal
     * document writes nothing, throwing aborts. This is how a device's relation history and the
     * index documents change atomically without transactions.
     */
    public <T> Uni<Versioned<T>> update(
            String key, Class<T> type, Function<Optional<T>, T> change) {
        return Uni.createFrom()
                .deferred(() -> get(key, type).flatMap(current -> write(key, current, change)))
                .onFailure(
                        e ->
                                e instanceof CasMismatchException
                                        || e instanceof DocumentExistsException)
                .retry()
                .withBackOff(Duration.ofMillis(2), Duration.ofMillis(50))
                .atMost(MAX_ATTEMPTS);
    }

    private <T> Uni<Versioned<T>> write(
            String key, Optional<Versioned<T>> current, Function<Optional<T>, T> change) {
        T next = change.apply(current.map(Versioned::value));
        if (current.isPresent() && current.get().value().equals(next)) {
            return Uni.createFrom().item(current.get());
        }
        byte[] json = CatalogDocuments.write(next);
        Uni<Long> written =
                current.isEmpty()
                        ? Uni.createFrom()
                                .completionStage(
                                        () ->
                                                collection.insert(
                                                        key,
                                                        json,
                                                        InsertOptions.insertOptions()
                                                                .transcoder(
                                                                        RawJsonTranscoder
                                                                                .INSTANCE)))
                                .map(r -> r.cas())
                        : Uni.createFrom()
                                .completionStage(
                                        () ->
                                                collection.replace(
                                                        key,
                                                        json,
                                                        ReplaceOptions.replaceOptions()
                                                                .cas(current.get().cas())
                                                                .transcoder(
                                                                        RawJsonTranscoder
                                                                                .INSTANCE)))
                                .map(r -> r.cas());
        return written.map(cas -> new Versioned<>(next, evicted(key, cas)));
    }

    private long evicted(String key, long cas) {
        cache.invalidate(key);
        return cas;
    }
}
