package io.controlautogeneracion.ingest.enrich;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.model.catalog.CatalogIds;
import io.controlautogeneracion.model.catalog.DeviceHistory;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
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
    private volatile boolean answering = true;

    public CatalogLookup(CatalogClient catalog) {
        this.catalog = catalog;
    }

    /** The wait a caller on the ingest path should accept: none while the catalog fails. */
    public Duration ifAnswering(Duration wait) {
        return answering ? wait : Duration.ZERO;
    }

    /** Whether the last lookup to end was answered. */
    public boolean answering() {
        return answering;
    }

    /**
     * The enrichment of each device of {@code ids} that the catalog describes within {@code wait}.
     */
    public Uni<Map<String, DeviceEnrichment>> devices(
            DeviceKind kind, Collection<String> ids, Duration wait) {
        Map<String, CompletableFuture<DeviceEnrichment>> lookups = new HashMap<>();
        for (String id : ids) {
            lookups.put(id, lookup(kind, id));
        }
        CompletableFuture<Void> all =
                CompletableFuture.allOf(lookups.values().toArray(CompletableFuture[]::new));
        if (all.isDone() || wait.isZero() || wait.isNegative()) {
            return Uni.createFrom().item(() -> answered(lookups));
        }
        return Uni.createFrom()
                .completionStage(all)
                .onFailure()
                .recoverWithNull()
                .ifNoItem()
                .after(wait)
                .recoverWithItem(() -> null)
                .map(ignored -> answered(lookups));
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
        CompletableFuture<DeviceHistory> history;
        try {
            history = catalog.history(kind, id);
        } catch (RuntimeException e) {
            history = CompletableFuture.failedFuture(e);
        }
        return history.thenApply(DeviceEnrichment::of)
                .whenComplete((ok, error) -> ended(kind, id, error));
    }

    private void ended(DeviceKind kind, String id, Throwable error) {
        boolean was = answering;
        answering = error == null;
        if (was && error != null) {
            LOG.warnf(
                    "the catalog did not answer about %s %s (readings are stored"
                            + " catalog_unavailable and enriched later): %s",
                    kind, id, error);
        } else if (!was && error == null) {
            LOG.info("the catalog answers again");
        }
    }

    private static Map<String, DeviceEnrichment> answered(
            Map<String, CompletableFuture<DeviceEnrichment>> lookups) {
        Map<String, DeviceEnrichment> answered = new HashMap<>();
        lookups.forEach(
                (id, f) -> {
                    if (f.isDone() && !f.isCompletedExceptionally()) {
                        answered.put(id, f.join());
                    }
                });
        return answered;
    }
}
