package io.controlautogeneracion.ingest.enrich;

import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.store.EnrichmentRepository;
import io.controlautogeneracion.ingest.store.MongoIndexes;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * The background pass of the enrichment, every {@code ingest.enrichment.pass-interval}:
 *
 * <ol>
 *   <li>at start (and when the in-memory list overflowed), finds in the store devices with
 *       documents left {@code catalog_unavailable} or never enriched;
 *   <li>compares devices first seen by this process with the catalog view recorded for them in
 *       {@code topic_catalog};
 *   <li>sweeps {@code topic_catalog} a few devices at a time, asking the catalog (through its
 *       cache) whether each device's view changed: a move registered after the fact, a corrected
 *       address;
 *   <li>brings the documents of the devices found so in line with the catalog: for each piece of
 *       the device's enrichment through time, the documents whose event time falls in it and that
 *       do not carry it are rewritten, then the view is recorded.
 * </ol>
 *
 * <p>Every step is bounded ({@code max-devices-per-pass}, {@code max-documents-per-pass}) and every
 * rewrite is conditional on the fingerprint, so passes can be repeated, interrupted or overlap with
 * the ingest without harm. While the catalog does not answer, nothing changes and the devices wait
 * for a later pass.
 */
@ApplicationScoped
public class EnrichmentPass {
    private static final Logger LOG = Logger.getLogger(EnrichmentPass.class);

    private final EnrichmentRepository repository;
    private final CatalogLookup lookup;
    private final DeviceViews views;
    private final MongoIndexes indexes;
    private final IngestConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> enrichedLater = new ConcurrentHashMap<>();
    private String sweptUpTo;

    public EnrichmentPass(
            EnrichmentRepository repository,
            CatalogLookup lookup,
            DeviceViews views,
            MongoIndexes indexes,
            IngestConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.lookup = lookup;
        this.views = views;
        this.indexes = indexes;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(
            identity = "enrichment-pass",
            every = "${ingest.enrichment.pass-interval}",
            delayed = "${ingest.enrichment.pass-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure()
                .invoke(e -> LOG.warnf("the enrichment pass failed, the next one resumes: %s", e))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass; the number of documents it rewrote. */
    public Uni<Long> run() {
        Budget budget = new Budget(config.enrichment().maxDocumentsPerPass());
        return indexes.ready()
                .chain(this::scanStore)
                .chain(this::verify)
                .chain(this::sweep)
                .chain(() -> reconcile(budget))
                .map(ignored -> budget.used);
    }

    /** Documents the pass rewrote since start, for {@code topic}. */
    public long enrichedLater(String topic) {
        AtomicLong n = enrichedLater.get(topic);
        return n == null ? 0 : n.get();
    }

    private Uni<Void> scanStore() {
        if (!views.scanStore()) {
            return Uni.createFrom().voidItem();
        }
        int limit = config.enrichment().maxDevicesPerPass();
        List<DeviceKey> found = new ArrayList<>();
        return repository
                .unavailable(false, limit)
                .invoke(found::addAll)
                .chain(() -> repository.unavailable(true, limit))
                .invoke(found::addAll)
                .chain(() -> repository.neverEnriched(limit))
                .invoke(found::addAll)
                .invoke(
                        () -> {
                            found.stream().distinct().forEach(views::markDirty);
                            if (found.size() < limit) {
                                views.storeScanned();
                            }
                        })
                .replaceWithVoid();
    }

    /**
     * Devices first seen by this process: a view other than the one recorded makes them dirty; a
     * device without record gets the view its documents were just stored with.
     */
    private Uni<Void> verify() {
        Map<DeviceKey, String> seen = views.takeToVerify(config.enrichment().maxDevicesPerPass());
        if (seen.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository
                .views(new ArrayList<>(seen.keySet()))
                .chain(
                        recorded -> {
                            Uni<Void> done = Uni.createFrom().voidItem();
                            for (Map.Entry<DeviceKey, String> e : seen.entrySet()) {
                                String view = recorded.get(e.getKey());
                                if (view == null) {
                                    done =
                                            done.chain(
                                                    () ->
                                                            repository.recordView(
                                                                    e.getKey(),
                                                                    e.getValue(),
                                                                    clock.instant()));
                                } else if (!view.equals(e.getValue())) {
                                    views.markDirty(e.getKey());
                                }
                            }
                            return done;
                        });
    }

    /** A few recorded devices, asked whether their catalog view changed since it was recorded. */
    private Uni<Void> sweep() {
        int limit = config.enrichment().maxDevicesPerPass();
        return repository
                .viewsAfter(sweptUpTo, limit)
                .chain(
                        recorded -> {
                            sweptUpTo =
                                    recorded.size() < limit
                                            ? null
                                            : recorded.get(recorded.size() - 1).getString("_id");
                            Map<String, Map<DeviceKey, String>> byTopic = new LinkedHashMap<>();
                            for (Document d : recorded) {
                                DeviceKey device =
                                        new DeviceKey(
                                                d.getString("topic_id"), d.getString("device_id"));
                                byTopic.computeIfAbsent(device.topic(), t -> new LinkedHashMap<>())
                                        .put(device, d.getString(EnrichmentRepository.VIEW_REV));
                            }
                            Uni<Void> done = Uni.createFrom().voidItem();
                            for (Map.Entry<String, Map<DeviceKey, String>> t : byTopic.entrySet()) {
                                done = done.chain(() -> compare(t.getKey(), t.getValue()));
                            }
                            return done;
                        });
    }

    private Uni<Void> compare(String topic, Map<DeviceKey, String> recorded) {
        Optional<DeviceKind> kind = config.topics().kindOf(topic);
        if (kind.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = recorded.keySet().stream().map(DeviceKey::deviceId).toList();
        return lookup.devices(kind.get(), ids, config.catalog().lookupTimeout())
                .invoke(
                        found ->
                                recorded.forEach(
                                        (device, view) -> {
                                            DeviceEnrichment now = found.get(device.deviceId());
                                            if (now == null) {
                                                return;
                                            }
                                            if (now.viewRev().equals(view)) {
                                                views.current(device, view);
                                            } else {
                                                views.markDirty(device);
                                            }
                                        }))
                .replaceWithVoid();
    }

    private Uni<Void> reconcile(Budget budget) {
        Map<String, List<DeviceViews.Dirty>> byTopic = new LinkedHashMap<>();
        for (DeviceViews.Dirty d : views.dirty(config.enrichment().maxDevicesPerPass())) {
            byTopic.computeIfAbsent(d.device().topic(), t -> new ArrayList<>()).add(d);
        }
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<DeviceViews.Dirty>> t : byTopic.entrySet()) {
            Optional<DeviceKind> kind = config.topics().kindOf(t.getKey());
            if (kind.isEmpty()) {
                t.getValue().forEach(d -> views.reconciled(d, null));
                continue;
            }
            List<String> ids = t.getValue().stream().map(d -> d.device().deviceId()).toList();
            done =
                    done.chain(
                            () ->
                                    lookup.devices(
                                                    kind.get(),
                                                    ids,
                                                    config.catalog().lookupTimeout())
                                            .chain(found -> inTurn(t.getValue(), found, budget)));
        }
        return done;
    }

    private Uni<Void> inTurn(
            List<DeviceViews.Dirty> dirty, Map<String, DeviceEnrichment> found, Budget budget) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (DeviceViews.Dirty d : dirty) {
            DeviceEnrichment enrichment = found.get(d.device().deviceId());
            if (enrichment != null) {
                done = done.chain(() -> device(d, enrichment, budget));
            }
        }
        return done;
    }

    /** Rewrites what the device's documents lack, piece by piece; records the view when done. */
    private Uni<Void> device(DeviceViews.Dirty d, DeviceEnrichment enrichment, Budget budget) {
        Progress progress = new Progress();
        Uni<Void> done = Uni.createFrom().voidItem();
        for (boolean alarm : new boolean[] {false, true}) {
            for (DeviceEnrichment.Piece piece : enrichment.pieces()) {
                done = done.chain(() -> piece(alarm, d.device(), piece, budget, progress));
            }
        }
        return done.chain(
                () -> {
                    if (!progress.complete) {
                        return Uni.createFrom().voidItem();
                    }
                    return repository
                            .recordView(d.device(), enrichment.viewRev(), clock.instant())
                            .invoke(() -> views.reconciled(d, enrichment.viewRev()));
                });
    }

    private Uni<Void> piece(
            boolean alarm,
            DeviceKey device,
            DeviceEnrichment.Piece piece,
            Budget budget,
            Progress progress) {
        int limit = budget.left();
        if (!progress.complete || limit <= 0) {
            progress.complete = false;
            return Uni.createFrom().voidItem();
        }
        StretchEnrichment enrichment = piece.enrichment();
        return repository
                .notCarrying(alarm, device, piece.from(), piece.to(), enrichment.rev(), limit)
                .chain(
                        ids -> {
                            budget.used += ids.size();
                            if (ids.size() >= limit) {
                                progress.complete = false;
                            }
                            return repository.rewrite(alarm, ids, enrichment);
                        })
                .invoke(changed -> counted(device.topic(), changed))
                .replaceWithVoid();
    }

    private void counted(String topic, long changed) {
        if (changed > 0) {
            enrichedLater.computeIfAbsent(topic, t -> new AtomicLong()).addAndGet(changed);
            meters.counter("ingest.enrichment.enriched.later", "topic", topic).increment(changed);
        }
    }

    /** Documents one pass may still rewrite. */
    private static final class Budget {
        final int max;
        long used;

        Budget(int max) {
            this.max = max;
        }

        int left() {
            return (int) Math.max(0, max - used);
        }
    }

    /** Whether a device's documents were all looked at in this pass. */
    private static final class Progress {
        boolean complete = true;
    }
}
