package io.controlautogeneracion.ingest.store;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.stats.StatsDocuments;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the indexes the service relies on. First the duplicate guards: a message's {@code _id} is
 * its position in Kafka, so the unique {@code _id} index makes redelivery harmless (a store from
 * before, with a unique (topic_id, partition, offset) index, keeps that index while its documents
 * last), and the stats' unique bucket index; writes wait for {@link #ready()}, so no message is
 * stored before its guard exists. Then, without holding up writes, the query indexes (a page of a
 * topic by event time; by device, client and postal code with event time; by enrichment status) and
 * the TTL indexes of retention: building a new one over a large store takes as long as the store is
 * big, and MongoDB builds it while writes go on. While MongoDB is unreachable, or a build outlasts
 * a request, the creation is retried with capped backoff (asking for an index MongoDB is already
 * building waits for that build).
 */
@ApplicationScoped
public class MongoIndexes {

    private static final Logger LOG = Logger.getLogger(MongoIndexes.class);
    private static final int INDEX_OPTIONS_CONFLICT = 85;
    private static final String TTL_INDEX = "retention_ttl";
    static final String LEGACY_GUARD = "topic_partition_offset";
    private static final FindOptions ONE_ID =
            new FindOptions().projection(Projections.include(MessageDocuments.ID)).limit(1);

    private final ReactiveMongoDatabase database;
    private final IngestConfig config;
    private final Uni<Void> ready;
    private final Uni<Void> complete;

    public MongoIndexes(
            ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String databaseName,
            IngestConfig config) {
        this.database = client.getDatabase(databaseName);
        this.config = config;
        this.ready = retried(this::createGuards);
        Uni<Void> queryAndRetention = retried(this::createQueryAndRetentionIndexes);
        this.complete = ready.chain(() -> queryAndRetention);
    }

    private Uni<Void> retried(Supplier<Uni<? extends Void>> creation) {
        // Off the event loop: the first batch of a channel subscribes from it, and the first
        // createIndex of a process loads the driver's operation classes (seconds on a busy
        // machine).
        return Uni.createFrom()
                .deferred(creation)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(MongoException.class)
                .invoke(e -> LOG.warnf("creating MongoDB indexes failed, retrying: %s", e))
                .onFailure(MongoException.class)
                .retry()
                .withBackOff(config.write().retryInitialBackoff(), config.write().retryMaxBackoff())
                .indefinitely()
                .memoize()
                .indefinitely();
    }

    void onStart(@Observes StartupEvent event) {
        complete.subscribe()
                .with(
                        ok -> LOG.info("MongoDB indexes are in place"),
                        e -> LOG.error("creating MongoDB indexes failed", e));
    }

    /** Completes once the duplicate guards exist: writes may begin. */
    public Uni<Void> ready() {
        return ready;
    }

    /** Completes once every index exists, the query and retention indexes included. */
    public Uni<Void> complete() {
        return complete;
    }

    /**
     * The duplicate guards. A message's {@code _id} is its position in Kafka ({@link
     * MessageDocuments#id}), so the collection's own unique {@code _id} index is the unique
     * (topic_id, partition, offset) key of {@code topic} and {@code topic_alarm}; the stats need
     * their unique bucket index.
     */
    private Uni<Void> createGuards() {
        return retireLegacyGuard(MessageRepository.READINGS)
                .chain(() -> retireLegacyGuard(MessageRepository.ALARMS))
                .chain(
                        () ->
                                database.getCollection(StatsRepository.STATS)
                                        .createIndex(
                                                Indexes.ascending(
                                                        StatsDocuments.TOPIC_ID,
                                                        StatsDocuments.BUCKET_START),
                                                new IndexOptions()
                                                        .unique(true)
                                                        .name("topic_bucket")))
                .replaceWithVoid();
    }

    /**
     * A store written before the {@code _id} was the message's position has documents with a
     * generated {@code ObjectId} and a unique (topic_id, partition, offset) index guarding them.
     * The index stays while one of those documents remains (a redelivery of its message is still a
     * duplicate key) and is dropped once retention has taken the last: one index less to keep at
     * every insert.
     */
    private Uni<Void> retireLegacyGuard(String name) {
        ReactiveMongoCollection<Document> collection = database.getCollection(name);
        return collection
                .listIndexes()
                .filter(index -> LEGACY_GUARD.equals(index.getString("name")))
                .collect()
                .first()
                .chain(
                        index ->
                                index == null
                                        ? Uni.createFrom().voidItem()
                                        : dropWhenUnused(collection, name));
    }

    /** Drops the old guard of {@code name} unless a document with a generated id remains. */
    private static Uni<Void> dropWhenUnused(
            ReactiveMongoCollection<Document> collection, String name) {
        return collection
                .find(legacyIds(), ONE_ID)
                .collect()
                .first()
                .chain(
                        legacy -> {
                            if (legacy != null) {
                                LOG.infof(
                                        "%s keeps its unique index %s until retention has taken"
                                                + " the documents stored before the _id was the"
                                                + " message's position",
                                        name, LEGACY_GUARD);
                                return Uni.createFrom().voidItem();
                            }
                            LOG.infof(
                                    "dropping the unique index %s of %s: every document's _id is"
                                            + " its message's position",
                                    LEGACY_GUARD, name);
                            return collection.dropIndex(LEGACY_GUARD);
                        });
    }

    /**
     * Every {@code ObjectId} {@code _id}: MongoDB compares a value only with values of its own type
     * here, so the range is exactly the generated ids, read from the {@code _id} index.
     */
    static Bson legacyIds() {
        return Filters.and(
                Filters.gte(MessageDocuments.ID, new ObjectId("000000000000000000000000")),
                Filters.lte(MessageDocuments.ID, new ObjectId("ffffffffffffffffffffffff")));
    }

    private Uni<Void> createQueryAndRetentionIndexes() {
        ReactiveMongoCollection<Document> readings =
                database.getCollection(MessageRepository.READINGS);
        ReactiveMongoCollection<Document> alarms = database.getCollection(MessageRepository.ALARMS);
        ReactiveMongoCollection<Document> stats = database.getCollection(StatsRepository.STATS);
        // The background enrichment finds documents left catalog_unavailable (or never enriched).
        Bson enrichmentStatus =
                Indexes.ascending(MessageDocuments.ENRICHMENT_STATUS, MessageDocuments.TOPIC_ID);
        // A page of every device of a topic: the filter and the sort from one index, so a page
        // reads its own readings, not the range's.
        Bson topicTime =
                Indexes.ascending(
                        MessageDocuments.TOPIC_ID,
                        MessageDocuments.EVENT_TIME,
                        MessageDocuments.PARTITION,
                        MessageDocuments.OFFSET);
        return readings.createIndex(topicTime, new IndexOptions().name("topic_event_time"))
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
