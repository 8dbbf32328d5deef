package io.controlautogeneracion.ingest.store;

import com.mongodb.client.model.Filters;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The REST queries of the {@code topic} and {@code topic_alarm} collections (the device streams
 * write them through {@link MessageInserts}). Range filters are built with the Filters API, so both
 * bounds survive (see the Panache trap in the project notes).
 */
@ApplicationScoped
public class MessageRepository {

    public static final String READINGS = "topic";
    public static final String ALARMS = "topic_alarm";

    private final ReactiveMongoCollection<Document> readings;
    private final ReactiveMongoCollection<Document> alarms;
    private final long queryTimeoutMillis;

    public MessageRepository(
            ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database,
            IngestConfig config) {
        this.queryTimeoutMillis = config.api().queryTimeout().toMillis();
        this.readings = client.getDatabase(database).getCollection(READINGS);
        this.alarms = client.getDatabase(database).getCollection(ALARMS);
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
