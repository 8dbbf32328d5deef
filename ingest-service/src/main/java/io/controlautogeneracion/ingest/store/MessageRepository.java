package io.controlautogeneracion.ingest.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code topic} and {@code topic_alarm} collections: unordered bulk inserts that report, per
 * document, a duplicate key (a redelivered message, which counts as success) or a refusal by the
 * store (see {@link StoreErrors}), and the REST queries. Range filters are built with the Filters
 * API, so both bounds survive (see the Panache trap in the project notes).
 */
@ApplicationScoped
public class MessageRepository {

    public static final String READINGS = "topic";
    public static final String ALARMS = "topic_alarm";

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final ReactiveMongoCollection<Document> readings;
    private final ReactiveMongoCollection<Document> alarms;
    // The same collections for inserts of documents encoded by the service (EncodedDocument).
    private final ReactiveMongoCollection<RawBsonDocument> rawReadings;
    private final ReactiveMongoCollection<RawBsonDocument> rawAlarms;
    private final long queryTimeoutMillis;

    public MessageRepository(
            ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database,
            IngestConfig config) {
        this.queryTimeoutMillis = config.api().queryTimeout().toMillis();
        this.readings = client.getDatabase(database).getCollection(READINGS);
        this.alarms = client.getDatabase(database).getCollection(ALARMS);
        this.rawReadings =
                client.getDatabase(database).getCollection(READINGS, RawBsonDocument.class);
        this.rawAlarms = client.getDatabase(database).getCollection(ALARMS, RawBsonDocument.class);
    }

    /** The outcome of both inserts of a batch. */
    public record Outcomes(InsertOutcome readings, InsertOutcome alarms) {}

    /**
     * Inserts both lists. Duplicate keys and refusals of single documents are reported in the
     * outcome; a failure of the store as a whole fails the Uni, for the caller to retry. Calling it
     * again with the same documents is harmless.
     */
    public Uni<Outcomes> insert(
            List<RawBsonDocument> readingDocs, List<RawBsonDocument> alarmDocs) {
        // Both at once; a failure waits for the other insert to end, so that a retry never
        // touches documents still in flight (both failures arrive as a CompositeException).
        return Uni.combine()
                .all()
                .unis(insert(rawReadings, readingDocs), insert(rawAlarms, alarmDocs))
                .collectFailures()
                .with(Outcomes::new);
    }

    private Uni<InsertOutcome> insert(
            ReactiveMongoCollection<RawBsonDocument> collection, List<RawBsonDocument> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().item(InsertOutcome.allStored());
        }
        return Uni.createFrom()
                .deferred(() -> collection.insertMany(documents, UNORDERED))
                .map(result -> InsertOutcome.allStored())
                .onFailure(failure -> !StoreErrors.storeWide(failure))
                .recoverWithUni(failure -> contentFailure(collection, documents, failure));
    }

    /**
     * A failure about the documents: per-document write errors name their positions; a failure of
     * the whole insert (the encoder or the server refusing the command for one document) is
     * narrowed down by halving the list until each refused document stands alone.
     */
    private Uni<InsertOutcome> contentFailure(
            ReactiveMongoCollection<RawBsonDocument> collection,
            List<RawBsonDocument> documents,
            Throwable failure) {
        if (failure instanceof MongoBulkWriteException bulk) {
            Set<Integer> duplicates = new HashSet<>();
            Map<Integer, String> refused = new HashMap<>();
            for (BulkWriteError error : bulk.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    duplicates.add(error.getIndex());
                } else {
                    refused.put(
                            error.getIndex(),
                            "error " + error.getCode() + ": " + error.getMessage());
                }
            }
            return Uni.createFrom().item(new InsertOutcome(duplicates, refused));
        }
        if (documents.size() == 1) {
            return Uni.createFrom()
                    .item(new InsertOutcome(Set.of(), Map.of(0, StoreErrors.describe(failure))));
        }
        // The insert was refused as a whole, by the driver (a document too large) or the server,
        // before anything was inserted (a batch is one command at the write's byte bound), so
        // duplicates found while halving are earlier deliveries, as on a first try.
        int half = documents.size() / 2;
        return insert(collection, documents.subList(0, half))
                .chain(
                        first ->
                                insert(collection, documents.subList(half, documents.size()))
                                        .map(second -> first.then(second, half)));
    }

    /** What {@code /messages} selects by; a null field selects every value. */
    public record Selection(String deviceId, String clientId, String postalCode) {}

    /** The order of readings in a page: event time, then partition and offset. */
    public record SortKey(long eventTimeMillis, int partition, long offset) {
        public static SortKey of(Document reading) {
            return new SortKey(
                    reading.getDate(MessageDocuments.EVENT_TIME).getTime(),
                    reading.getInteger(MessageDocuments.PARTITION),
                    ((Number) reading.get(MessageDocuments.OFFSET)).longValue());
        }

        /** Readings strictly after this one in page order. */
        Bson after() {
            Date t = new Date(eventTimeMillis);
            return Filters.or(
                    Filters.gt(MessageDocuments.EVENT_TIME, t),
                    Filters.and(
                            Filters.eq(MessageDocuments.EVENT_TIME, t),
                            Filters.gt(MessageDocuments.PARTITION, partition)),
                    Filters.and(
                            Filters.eq(MessageDocuments.EVENT_TIME, t),
                            Filters.eq(MessageDocuments.PARTITION, partition),
                            Filters.gt(MessageDocuments.OFFSET, offset)));
        }
    }

    /**
     * Readings of {@code topic} with event time in [from, to), oldest first, selected by device, by
     * the client who owned the device then, or by that client's postal code (each has its index
     * with event time).
     */
    public Uni<List<Document>> messages(
            String topic, Selection selection, Instant from, Instant to, int skip, int limit) {
        return messages(topic, selection, from, to, null, skip, limit);
    }

    /**
     * As {@link #messages(String, Selection, Instant, Instant, int, int)}, starting after {@code
     * after} (null: from the first) in page order.
     */
    public Uni<List<Document>> messages(
            String topic,
            Selection selection,
            Instant from,
            Instant to,
            SortKey after,
            int skip,
            int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(MessageDocuments.TOPIC_ID, topic));
        if (selection.deviceId() != null) {
            filters.add(Filters.eq(MessageDocuments.DEVICE_ID, selection.deviceId()));
        }
        if (selection.clientId() != null) {
            filters.add(Filters.eq(MessageDocuments.CLIENT_ID, selection.clientId()));
        }
        if (selection.postalCode() != null) {
            filters.add(Filters.eq(MessageDocuments.POSTAL_CODE, selection.postalCode()));
        }
        // After a cursor the range starts at its event time: an index on event time then reads
        // from the cursor on, not from the start of the range.
        Date lower = Date.from(from);
        if (after != null && after.eventTimeMillis() > lower.getTime()) {
            lower = new Date(after.eventTimeMillis());
        }
        filters.add(Filters.gte(MessageDocuments.EVENT_TIME, lower));
        filters.add(Filters.lt(MessageDocuments.EVENT_TIME, Date.from(to)));
        if (after != null) {
            filters.add(after.after());
        }
        FindOptions options =
                new FindOptions()
                        .sort(
                                Sorts.ascending(
                                        MessageDocuments.EVENT_TIME,
                                        MessageDocuments.PARTITION,
                                        MessageDocuments.OFFSET))
                        .skip(skip)
                        .limit(limit)
                        .maxTime(queryTimeoutMillis, TimeUnit.MILLISECONDS);
        return readings.find(Filters.and(filters), options).collect().asList();
    }

    /** Alarms of {@code topic} ingested in [from, to), newest first. */
    public Uni<List<Document>> alarms(String topic, Instant from, Instant to, int limit) {
        Bson filter =
                Filters.and(
                        Filters.eq(MessageDocuments.TOPIC_ID, topic),
                        Filters.gte(MessageDocuments.TIMESTAMP, Date.from(from)),
                        Filters.lt(MessageDocuments.TIMESTAMP, Date.from(to)));
        FindOptions options =
                new FindOptions()
                        .sort(Sorts.descending(MessageDocuments.TIMESTAMP, MessageDocuments.OFFSET))
                        .limit(limit)
                        .maxTime(queryTimeoutMillis, TimeUnit.MILLISECONDS);
        return alarms.find(filter, options).collect().asList();
    }
}
