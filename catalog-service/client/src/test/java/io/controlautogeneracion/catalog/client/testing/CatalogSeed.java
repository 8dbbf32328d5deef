package io.controlautogeneracion.catalog.client.testing;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.kv.MutationResult;
import com.couchbase.client.java.kv.UpsertOptions;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.catalog.client.CatalogConnection;
import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.standin.CouchbaseStandIn;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * Writes catalog documents the way catalog-service stores them: raw JSON written by {@link
 * CatalogDocuments}, under the document's key ({@link CatalogKeys}). The tests of every module that
 * reads the catalog seed it with this, in a Couchbase stand-in or a real Couchbase.
 */
public final class CatalogSeed {
    private static final UpsertOptions RAW_JSON =
            UpsertOptions.upsertOptions().transcoder(RawJsonTranscoder.INSTANCE);

    private final Collection collection;

    public CatalogSeed(Collection collection) {
        this.collection = collection;
    }

    /** Opens a connection with {@code settings}, seeds through it and closes it. */
    public static void into(CatalogClientSettings settings, Consumer<CatalogSeed> seed) {
        try (CatalogConnection connection = CatalogConnection.open(settings)) {
            seed.accept(new CatalogSeed(connection.collection()));
        }
    }

    /** The catalog client's settings for a Couchbase stand-in (its user is its bucket). */
    public static CatalogClientSettings settings(CouchbaseStandIn standIn) {
        return CatalogClientSettings.of(
                standIn.connectionString(), standIn.bucket(), standIn.password(), standIn.bucket());
    }

    /**
     * The catalog client's settings for a test's local stack (the stand-in's user is its bucket).
     */
    public static CatalogClientSettings settings(RunningStack stack) {
        return CatalogClientSettings.of(
                stack.couchbaseConnectionString(),
                stack.couchbaseBucket(),
                stack.couchbasePassword(),
                stack.couchbaseBucket());
    }

    /** Writes {@code document} under {@code key}, in place of what was there. */
    public CatalogSeed put(String key, Object document) {
        collection.upsert(key, CatalogDocuments.write(document), RAW_JSON);
        return this;
    }

    /** As {@link #put}, when subscribed to: many documents written at once. */
    public Mono<MutationResult> putReactive(String key, Object document) {
        return collection.reactive().upsert(key, CatalogDocuments.write(document), RAW_JSON);
    }
}
