package io.controlautogeneracion.ingest.store;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.stats.StatsDocuments;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the indexes the service relies on: the unique (topic_id, partition, offset) index that
 * makes redelivery harmless, the query indexes (by device, client and postal code with event time;
 * by enrichment status) and the TTL indexes of retention. Writes wait for {@link #ready()}, so no
 * message is stored before its duplicate guard exists; while MongoDB is unreachable the creation is
 * retried with capped backoff.
 */
@ApplicationScoped
public class MongoIndexes {

    private static final Logger LOG = Logger.getLogger(MongoIndexes.class);
    private static final int INDEX_OPTIONS_CONFLICT = 85;
    private static final String TTL_INDEX = "retention_ttl";

    private final ReactiveMongoDatabase database;
    private final IngestConfig config;
    private final Uni<Void> ready;

    public MongoIndexes(
            ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String databaseName,
            IngestConfig config) {
        this.database = client.getDatabase(databaseName);
        this.config = config;
        this.ready =
                Uni.createFrom()
                        .deferred(this::createAll)
                        .onFailure(MongoException.class)
                        .invoke(e -> LOG.warnf("creating MongoDB indexes failed, retrying: %s", e))
                        .onFailure(MongoException.class)
                        .retry()
                        .withBackOff(
                                config.write().retryInitialBackoff(),
                                config.write().retryMaxBackoff())
                        .indefinitely()
                        .memoize()
                        .indefinitely();
    }

    void onStart(@Observes StartupEvent event) {
        ready.subscribe()
                .with(
                        ok -> LOG.info("MongoDB indexes are in place"),
                        e -> LOG.error("creating MongoDB indexes failed", e));
    }

    /** Completes once every index exists. */
    public Uni<Void> ready() {
        return ready;
    }

    private Uni<Void> createAll() {
        Bson position =
                Indexes.ascending(
                        MessageDocuments.TOPIC_ID,
                        MessageDocuments.PARTITION,
                        MessageDocuments.OFFSET);
        IndexOptions unique = new IndexOptions().unique(true).name("topic_partition_offset");
        ReactiveMongoCollection<Document> readings =
                database.getCollection(MessageRepository.READINGS);
        ReactiveMongoCollection<Document> alarms = database.getCollection(MessageRepository.ALARMS);
        ReactiveMongoCollection<Document> stats = database.getCollection(StatsRepository.STATS);
        // The background enrichment finds documents left catalog_unavailable (or never enriched).
        Bson enrichmentStatus =
                Indexes.ascending(MessageDocuments.ENRICHMENT_STATUS, MessageDocuments.TOPIC_ID);
        return readings.createIndex(position, unique)
                .chain(
                        () ->
                                readings.createIndex(
                                        Indexes.ascending(
                                                MessageDocuments.TOPIC_ID,
                                                MessageDocuments.DEVICE_ID,
                                                MessageDocuments.EVENT_TIME)))
                .chain(() -> byTime(readings, MessageDocuments.CLIENT_ID))
                .chain(() -> byTime(readings, MessageDocuments.POSTAL_CODE))
                .chain(() -> readings.createIndex(enrichmentStatus))
                .chain(
                        () ->
                                ttl(
                                        readings,
                                        MessageDocuments.TIMESTAMP,
                                        config.retention().messages()))
                .chain(() -> alarms.createIndex(position, unique))
                .chain(
                        () ->
                                alarms.createIndex(
                                        Indexes.compoundIndex(
                                                Indexes.ascending(MessageDocuments.TOPIC_ID),
                                                Indexes.descending(MessageDocuments.TIMESTAMP))))
                .chain(() -> byTime(alarms, MessageDocuments.DEVICE_ID))
                .chain(() -> alarms.createIndex(enrichmentStatus))
                .chain(() -> ttl(alarms, MessageDocuments.TIMESTAMP, config.retention().alarms()))
                .chain(
                        () ->
                                ttl(
                                        database.getCollection(EnrichmentRepository.VIEWS),
                                        EnrichmentRepository.CHECKED_AT,
                                        config.retention().messages()))
                .chain(
                        () ->
                                stats.createIndex(
                                        Indexes.ascending(
                                                StatsDocuments.TOPIC_ID,
                                                StatsDocuments.BUCKET_START),
                                        new IndexOptions().unique(true).name("topic_bucket")))
                .chain(() -> ttl(stats, StatsDocuments.BUCKET_START, config.retention().stats()))
                .replaceWithVoid();
    }

    /** A query index on (topic_id, {@code field}, event_time): the REST filters and the pass. */
    private static Uni<String> byTime(ReactiveMongoCollection<Document> collection, String field) {
        return collection.createIndex(
                Indexes.ascending(MessageDocuments.TOPIC_ID, field, MessageDocuments.EVENT_TIME));
    }

    /** A TTL index on {@code field}; when one exists with another TTL, collMod changes it. */
    private Uni<Void> ttl(
            ReactiveMongoCollection<Document> collection, String field, Duration retention) {
        long seconds = retention.toSeconds();
        IndexOptions options =
                new IndexOptions().name(TTL_INDEX).expireAfter(seconds, TimeUnit.SECONDS);
        return collection
                .createIndex(Indexes.ascending(field), options)
                .replaceWithVoid()
                .onFailure(
                        e ->
                                e instanceof MongoCommandException c
                                        && c.getErrorCode() == INDEX_OPTIONS_CONFLICT)
                .recoverWithUni(
                        () -> {
                            String name = collection.getNamespace().getCollectionName();
                            LOG.infof("changing the retention of %s to %s", name, retention);
                            Document collMod =
                                    new Document("collMod", name)
                                            .append(
                                                    "index",
                                                    new Document("name", TTL_INDEX)
                                                            .append("expireAfterSeconds", seconds));
                            return database.runCommand(collMod).replaceWithVoid();
                        });
    }
}
