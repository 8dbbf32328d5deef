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
import java.time.Instant;
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
 *   <li>at start, finds devices with readings stored before enrichment existed;
 *   <li>enriches documents stored {@code catalog_unavailable}, found through the status index a
 *       bounded number at a time, once the catalog answers for their devices;
 *   <li>compares devices first seen by this process with the catalog view recorded for them in
 *       {@code topic_catalog};
 *   <li>sweeps {@code topic_catalog} a few devices at a time, asking the catalog (through its
 *       cache) whether each device's view changed: a move registered after the fact, a corrected
 *       address; a sweep starts at most once per {@code sweep-period};
 *   <li>brings the documents of the devices found so in line with the catalog: one query per
 *       collection finds those that do not carry the piece of the device's enrichment their event
 *       time falls in, they are rewritten, then the view is recorded.
 * </ol>
 *
 * <p>Every step is bounded ({@code max-devices-per-pass}, {@code max-documents-per-pass}); a
 * rewrite sets what the catalog says now (by {@code _id}, so every store answers it from its index)
 * on documents only the pass changes, and passes never overlap, so they can be repeated or
 * interrupted without harm. While the catalog does not answer, nothing changes and the devices wait
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
    private Instant sweepStarted;

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
                .chain(() -> enrichUnavailable(false, budget))
                .chain(() -> enrichUnavailable(true, budget))
                .chain(this::sweep)
                .chain(() -> reconcile(budget))
                .map(ignored -> budget.used);
    }

    /** Documents the pass rewrote since start, for {@code topic}. */
    public long enrichedLater(String topic) {
        AtomicLong n = enrichedLater.get(topic);
        return n == null ? 0 : n.get();
    }

    /** At start: devices with readings stored before enrichment existed. */
    private Uni<Void> scanStore() {
        if (!views.scanStore()) {
            return Uni.createFrom().voidItem();
        }
        int limit = config.enrichment().maxDevicesPerPass();
        return repository
                .neverEnriched(limit)
                .invoke(
                        found -> {
                            found.stream().distinct().forEach(views::markDirty);
                            if (found.size() < limit) {
                                views.storeScanned();
                            }
                        })
                .replaceWithVoid();
    }

    /**
     * Documents stored {@code catalog_unavailable}, found through the status index a bounded number
     * at a time, each given the piece of its device's enrichment its event time falls in.
     */
    private Uni<Void> enrichUnavailable(boolean alarm, Budget budget) {
        long generation = views.unavailablePending(alarm);
        int limit = budget.left();
        if (generation == 0 || limit <= 0) {
            return Uni.createFrom().voidItem();
        }
        return repository
                .unavailableDocuments(alarm, limit)
                .chain(
                        documents -> {
                            Map<String, Map<String, List<Document>>> byDevice =
                                    new LinkedHashMap<>();
                            for (Document d : documents) {
                                byDevice.computeIfAbsent(
                                                d.getString("topic_id"), t -> new LinkedHashMap<>())
                                        .computeIfAbsent(
                                                d.getString("device_id"), k -> new ArrayList<>())
                                        .add(d);
                            }
                            Progress progress = new Progress();
                            Uni<Void> done = Uni.createFrom().voidItem();
                            for (Map.Entry<String, Map<String, List<Document>>> t :
                                    byDevice.entrySet()) {
                                done =
                                        done.chain(
                                                () ->
                                                        unavailableOf(
                                                                alarm,
                                                                t.getKey(),
                                                                t.getValue(),
                                                                budget,
                                                                progress));
                            }
                            return done.invoke(
                                    () -> {
                                        if (documents.size() < limit && progress.complete) {
                                            views.unavailableDone(alarm, generation);
                                        }
                                    });
                        });
    }

    private Uni<Void> unavailableOf(
            boolean alarm,
            String topic,
            Map<String, List<Document>> byDevice,
            Budget budget,
            Progress progress) {
        Optional<DeviceKind> kind = config.topics().kindOf(topic);
        if (kind.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return lookup.fresh(kind.get(), byDevice.keySet(), config.catalog().lookupTimeout())
                .chain(
                        found -> {
                            if (found.size() < byDevice.size()) {
                                progress.complete = false;
                            }
                            List<Map.Entry<StretchEnrichment, List<Object>>> pieces =
                                    new ArrayList<>();
                            for (Map.Entry<String, DeviceEnrichment> e : found.entrySet()) {
                                pieces.addAll(
                                        byPiece(e.getValue(), byDevice.get(e.getKey())).entrySet());
                            }
                            return InSequence.run(
                                    pieces,
                                    piece ->
                                            repository
                                                    .rewrite(
                                                            alarm, piece.getValue(), piece.getKey())
                                                    .invoke(
                                                            n -> {
                                                                budget.used +=
                                                                        piece.getValue().size();
                                                                counted(topic, n);
                                                            })
                                                    .replaceWithVoid());
                        });
    }

    /** The ids of {@code documents} by the enrichment of the piece their event time falls in. */
    private static Map<StretchEnrichment, List<Object>> byPiece(
            DeviceEnrichment enrichment, List<Document> documents) {
        Map<StretchEnrichment, List<Object>> byPiece = new LinkedHashMap<>();
        for (Document d : documents) {
            java.util.Date at = d.getDate("event_time");
            if (at != null) {
                byPiece.computeIfAbsent(enrichment.at(at.toInstant()), p -> new ArrayList<>())
                        .add(d.get("_id"));
            }
        }
        return byPiece;
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
                            List<Map.Entry<DeviceKey, String>> unrecorded = new ArrayList<>();
                            for (Map.Entry<DeviceKey, String> e : seen.entrySet()) {
                                String view = recorded.get(e.getKey());
                                if (view == null) {
                                    unrecorded.add(e);
                                } else if (!view.equals(e.getValue())) {
                                    views.markDirty(e.getKey());
                                }
                            }
                            return repository.recordViews(unrecorded, clock.instant());
                        });
    }

    /**
     * The next devices of {@code topic_catalog}, after those of the last pass; a sweep that reached
     * the end starts again once {@code sweep-period} has passed since it began.
     */
    private Uni<Void> sweep() {
        if (sweptUpTo == null) {
            Instant now = clock.instant();
            if (sweepStarted != null
                    && now.isBefore(sweepStarted.plus(config.enrichment().sweepPeriod()))) {
                return Uni.createFrom().voidItem();
            }
            sweepStarted = now;
        }
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
        return lookup.fresh(kind.get(), ids, config.catalog().lookupTimeout())
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
                                    lookup.fresh(kind.get(), ids, config.catalog().lookupTimeout())
                                            .chain(found -> inTurn(t.getValue(), found, budget)));
        }
        return done;
    }

    private Uni<Void> inTurn(
            List<DeviceViews.Dirty> dirty, Map<String, DeviceEnrichment> found, Budget budget) {
        return InSequence.run(
                dirty.stream().filter(d -> found.containsKey(d.device().deviceId())).toList(),
                d -> device(d, found.get(d.device().deviceId()), budget));
    }

    /**
     * Rewrites what the device's documents lack: one query per collection finds the documents that
     * do not carry the piece their event time falls in; records the view once none is left.
     */
    private Uni<Void> device(DeviceViews.Dirty d, DeviceEnrichment enrichment, Budget budget) {
        Progress progress = new Progress();
        Uni<Void> done = Uni.createFrom().voidItem();
        for (boolean alarm : new boolean[] {false, true}) {
            done = done.chain(() -> lacking(alarm, d.device(), enrichment, budget, progress));
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

    private Uni<Void> lacking(
            boolean alarm,
            DeviceKey device,
            DeviceEnrichment enrichment,
            Budget budget,
            Progress progress) {
        int limit = budget.left();
        if (!progress.complete || limit <= 0) {
            progress.complete = false;
            return Uni.createFrom().voidItem();
        }
        return repository
                .notCarrying(alarm, device, enrichment.pieces(), limit)
                .chain(
                        documents -> {
                            budget.used += documents.size();
                            if (documents.size() >= limit) {
                                progress.complete = false;
                            }
                            Uni<Void> done = Uni.createFrom().voidItem();
                            for (Map.Entry<StretchEnrichment, List<Object>> piece :
                                    byPiece(enrichment, documents).entrySet()) {
                                done =
                                        done.chain(
                                                () ->
                                                        repository
                                                                .rewrite(
                                                                        alarm,
                                                                        piece.getValue(),
                                                                        piece.getKey())
                                                                .invoke(
                                                                        n ->
                                                                                counted(
                                                                                        device
                                                                                                .topic(),
                                                                                        n))
                                                                .replaceWithVoid());
                            }
                            return done;
                        });
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
