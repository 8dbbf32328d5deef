package io.controlautogeneracion.ingest.enrich;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.model.catalog.CatalogIds;
import io.controlautogeneracion.model.catalog.DeviceHistory;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Asks the catalog about several devices at once and waits a bounded time: the answer holds the
 * devices whose history arrived in time (all of them with a warm cache, without waiting at all).
 * While the catalog fails, callers that ask {@link #ifAnswering} do not wait: lookups still start,
 * so the cache fills as soon as the catalog is back.
 */
@ApplicationScoped
public class CatalogLookup {
    private static final Logger LOG = Logger.getLogger(CatalogLookup.class);

    private final CatalogClient catalog;
    // Per kind, by device id.
    private final Map<DeviceKind, Cache<String, CompletableFuture<DeviceEnrichment>>> recent =
            new EnumMap<>(DeviceKind.class);
    private final CatalogAnswers answers = new CatalogAnswers();

    /**
     * {@code ingest.catalog.reuse}: how long the ingest path reuses a device's enrichment without
     * asking the catalog client again. A batch of 500 readings names hundreds of devices, and
     * rebuilding each one's enrichment (its owners' stretches) more often costs more than the rest
     * of the path; a catalog change shows this much later at most, on top of the client's cache
     * TTL.
     */
    public CatalogLookup(CatalogClient catalog, IngestConfig config) {
        this.catalog = catalog;
        Duration reuse = config.catalog().reuse();
        for (DeviceKind kind : DeviceKind.values()) {
            recent.put(
                    kind,
                    Caffeine.newBuilder().expireAfterWrite(reuse).maximumSize(100_000).build());
        }
    }

    /** The wait a caller on the ingest path should accept: none while the catalog fails. */
    public Duration ifAnswering(Duration wait) {
        return answers.answering() ? wait : Duration.ZERO;
    }

    /**
     * The enrichment of each device of {@code ids} that the catalog describes within {@code wait},
     * reusing what was looked up in the last {@code ingest.catalog.reuse} (the ingest path).
     */
    public Uni<Map<String, DeviceEnrichment>> devices(
            DeviceKind kind, Collection<String> ids, Duration wait) {
        // Usually every device's enrichment is in the cache already: it goes straight into the
        // answer, and only lookups still under way are waited for.
        Map<String, DeviceEnrichment> answered = new HashMap<>(capacity(ids.size()));
        Map<String, CompletableFuture<DeviceEnrichment>> pending = null;
        Map<String, CompletableFuture<DeviceEnrichment>> reused = recent.get(kind).asMap();
        for (String id : ids) {
            CompletableFuture<DeviceEnrichment> lookup = reused.get(id);
            if (lookup == null) {
                lookup = reused.computeIfAbsent(id, k -> lookup(kind, id));
            }
            if (lookup.isCompletedExceptionally()) {
                reused.remove(id, lookup);
                lookup = reused.computeIfAbsent(id, k -> lookup(kind, id));
            }
            if (!collect(answered, id, lookup)) {
                if (pending == null) {
                    pending = new HashMap<>();
                }
                pending.put(id, lookup);
            }
        }
        if (pending == null) {
            return Uni.createFrom().item(answered);
        }
        return arrived(pending, wait)
                .map(
                        late -> {
                            answered.putAll(late);
                            return answered;
                        });
    }

    /** The same, always through the catalog client (the background pass). */
    public Uni<Map<String, DeviceEnrichment>> fresh(
            DeviceKind kind, Collection<String> ids, Duration wait) {
        Map<String, CompletableFuture<DeviceEnrichment>> lookups = new HashMap<>();
        for (String id : ids) {
            lookups.put(id, lookup(kind, id));
        }
        return arrived(lookups, wait);
    }

    private static Uni<Map<String, DeviceEnrichment>> arrived(
            Map<String, CompletableFuture<DeviceEnrichment>> lookups, Duration wait) {
        if (lookups.values().stream().allMatch(CompletableFuture::isDone)
                || wait.isZero()
                || wait.isNegative()) {
            return Uni.createFrom().item(() -> arrived(lookups));
        }
        CompletableFuture<Void> all =
                CompletableFuture.allOf(lookups.values().toArray(CompletableFuture[]::new));
        return Uni.createFrom()
                .completionStage(all)
                .onFailure()
                .recoverWithNull()
                .ifNoItem()
                .after(wait)
                .recoverWithItem(() -> null)
                .map(ignored -> arrived(lookups));
    }

    /**
     * One device's enrichment. An id no catalog document can have (catalog ids are short and plain;
     * a message may name anything) is an unknown device without asking, and a lookup that fails
     * before it starts fails its future: neither may stop a batch.
     */
    private CompletableFuture<DeviceEnrichment> lookup(DeviceKind kind, String id) {
        if (!CatalogIds.isValid(id)) {
            return CompletableFuture.completedFuture(
                    DeviceEnrichment.of(new DeviceHistory(kind, id, null, null, null, null)));
        }
        long number = answers.started();
        CompletableFuture<DeviceHistory> history;
        try {
            history = catalog.history(kind, id);
        } catch (RuntimeException e) {
            history = CompletableFuture.failedFuture(e);
        }
        return history.thenApply(DeviceEnrichment::of)
                .whenComplete((ok, error) -> ended(kind, id, number, error));
    }

    private void ended(DeviceKind kind, String id, long number, Throwable error) {
        if (error != null) {
            if (answers.failed(number)) {
                LOG.warnf(
                        "the catalog did not answer about %s %s (readings are stored"
                                + " catalog_unavailable and enriched later): %s",
                        kind, id, error);
            }
        } else if (answers.answered(number)) {
            LOG.info("the catalog answers again");
        }
    }

    private static Map<String, DeviceEnrichment> arrived(
            Map<String, CompletableFuture<DeviceEnrichment>> lookups) {
        Map<String, DeviceEnrichment> answered = new HashMap<>(capacity(lookups.size()));
        lookups.forEach((id, f) -> collect(answered, id, f));
        return answered;
    }

    /**
     * Puts the enrichment {@code lookup} found into {@code answered}; false when it has none yet.
     */
    private static boolean collect(
            Map<String, DeviceEnrichment> answered,
            String id,
            CompletableFuture<DeviceEnrichment> lookup) {
        if (!lookup.isDone() || lookup.isCompletedExceptionally()) {
            return false;
        }
        answered.put(id, lookup.join());
        return true;
    }

    /** A hash table's capacity for {@code size} entries without growing. */
    static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }
}
