package io.controlautogeneracion.ingest.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code topic} and {@code topic_alarm} collections: unordered bulk inserts where a
 * duplicate-key error (a redelivered message) counts as success, and the REST queries. Range
 * filters are built with the Filters API, so both bounds survive (see the Panache trap in the
 * project notes).
 */
@ApplicationScoped
public class MessageRepository {

    public static final String READINGS = "topic";
    public static final String ALARMS = "topic_alarm";

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final ReactiveMongoCollection<Document> readings;
    private final ReactiveMongoCollection<Document> alarms;

    public MessageRepository(
            ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.readings = client.getDatabase(database).getCollection(READINGS);
        this.alarms = client.getDatabase(database).getCollection(ALARMS);
    }

    /** Whether a failed insert is worth retrying: MongoDB failures, alone or together. */
    public static boolean retryable(Throwable failure) {
        if (failure instanceof CompositeException composite) {
            return composite.getCauses().stream().allMatch(MongoException.class::isInstance);
        }
        return failure instanceof MongoException;
    }

    /** Positions (in each list) of the documents that were already stored. */
    public record Duplicates(Set<Integer> readings, Set<Integer> alarms) {
        public int count() {
            return readings.size() + alarms.size();
        }
    }

    /**
     * Inserts both lists; fails (for the caller to retry) on anything but duplicate keys. Calling
     * it again with the same documents is harmless.
     */
    public Uni<Duplicates> insert(List<Document> readingDocs, List<Document> alarmDocs) {
        // Both at once; a failure waits for the other insert to end, so that a retry never
        // touches documents still in flight (both failures arrive as a CompositeException).
        return Uni.combine()
                .all()
                .unis(insert(readings, readingDocs), insert(alarms, alarmDocs))
                .collectFailures()
                .with(Duplicates::new);
    }

    private static Uni<Set<Integer>> insert(
            ReactiveMongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return collection
                .insertMany(documents, UNORDERED)
                .map(result -> Set.<Integer>of())
                .onFailure(MongoBulkWriteException.class)
                .recoverWithUni(
                        e -> {
                            MongoBulkWriteException bulk = (MongoBulkWriteException) e;
                            Set<Integer> duplicates = duplicatesOnly(bulk);
                            return duplicates == null
                                    ? Uni.createFrom().failure(e)
                                    : Uni.createFrom().item(duplicates);
                        });
    }

    /** The positions of duplicate-key errors, or null when some other error happened too. */
    private static Set<Integer> duplicatesOnly(MongoBulkWriteException e) {
        if (e.getWriteConcernError() != null) {
            return null;
        }
        Set<Integer> positions = new HashSet<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                return null;
            }
            positions.add(error.getIndex());
        }
        return positions;
    }

    /** Readings of {@code topic} with event time in [from, to), oldest first. */
    public Uni<List<Document>> messages(
            String topic, String deviceId, Instant from, Instant to, int skip, int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(MessageDocuments.TOPIC_ID, topic));
        if (deviceId != null) {
            filters.add(Filters.eq(MessageDocuments.DEVICE_ID, deviceId));
        }
        filters.add(Filters.gte(MessageDocuments.EVENT_TIME, Date.from(from)));
        filters.add(Filters.lt(MessageDocuments.EVENT_TIME, Date.from(to)));
        FindOptions options =
                new FindOptions()
                        .sort(
                                Sorts.ascending(
                                        MessageDocuments.EVENT_TIME,
                                        MessageDocuments.PARTITION,
                                        MessageDocuments.OFFSET))
                        .skip(skip)
                        .limit(limit);
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
                        .limit(limit);
        return alarms.find(filter, options).collect().asList();
    }
}
