package io.controlautogeneracion.ingest.store;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.controlautogeneracion.ingest.enrich.DeviceEnrichment;
import io.controlautogeneracion.ingest.enrich.DeviceKey;
import io.controlautogeneracion.ingest.enrich.StretchEnrichment;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.controlautogeneracion.model.catalog.EnrichmentStatus;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The background enrichment's reads and writes: documents that do not carry a piece of a device's
 * enrichment (by fingerprint), their rewrite, and {@code topic_catalog}, one entry per device with
 * the catalog view its documents were last brought in line with. Every read is bounded by a limit,
 * and a rewrite sets what the catalog says now, so a pass can be repeated or interrupted.
 */
@ApplicationScoped
public class EnrichmentRepository {

    public static final String VIEWS = "topic_catalog";
    public static final String VIEW_REV = "view_rev";
    public static final String CHECKED_AT = "checked_at";

    private static final String UNAVAILABLE = EnrichmentStatus.CATALOG_UNAVAILABLE.column();

    private final ReactiveMongoCollection<Document> readings;
    private final ReactiveMongoCollection<Document> alarms;
    private final ReactiveMongoCollection<Document> views;

    public EnrichmentRepository(
            ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.readings = client.getDatabase(database).getCollection(MessageRepository.READINGS);
        this.alarms = client.getDatabase(database).getCollection(MessageRepository.ALARMS);
        this.views = client.getDatabase(database).getCollection(VIEWS);
    }

    /**
     * Up to {@code limit} devices with readings never enriched (stored before enrichment existed,
     * or by a service without it).
     */
    public Uni<List<DeviceKey>> neverEnriched(int limit) {
        FindOptions options =
                new FindOptions()
                        .projection(
                                Projections.include(
                                        MessageDocuments.TOPIC_ID, MessageDocuments.DEVICE_ID))
                        .limit(limit);
        return readings.find(Filters.eq(MessageDocuments.ENRICHMENT_STATUS, null), options)
                .map(
                        d ->
                                new DeviceKey(
                                        d.getString(MessageDocuments.TOPIC_ID),
                                        d.getString(MessageDocuments.DEVICE_ID)))
                .collect()
                .asList();
    }

    /** Documents of {@code topic} still {@code catalog_unavailable}, counted up to {@code cap}. */
    public Uni<Integer> awaiting(String topic, int cap) {
        FindOptions options = new FindOptions().projection(Projections.include("_id")).limit(cap);
        Bson filter =
                Filters.and(
                        Filters.eq(MessageDocuments.ENRICHMENT_STATUS, UNAVAILABLE),
                        Filters.eq(MessageDocuments.TOPIC_ID, topic));
        return readings.find(filter, options)
                .collect()
                .with(java.util.stream.Collectors.counting())
                .map(Long::intValue);
    }

    /**
     * Up to {@code limit} documents stored {@code catalog_unavailable}, with their topic, device
     * and event time (through the enrichment-status index).
     */
    public Uni<List<Document>> unavailableDocuments(boolean alarm, int limit) {
        FindOptions options =
                new FindOptions()
                        .projection(
                                Projections.include(
                                        MessageDocuments.TOPIC_ID,
                                        MessageDocuments.DEVICE_ID,
                                        MessageDocuments.EVENT_TIME))
                        .limit(limit);
        return collection(alarm)
                .find(Filters.eq(MessageDocuments.ENRICHMENT_STATUS, UNAVAILABLE), options)
                .collect()
                .asList();
    }

    /**
     * Up to {@code limit} documents of {@code device} (id and event time) that do not carry the
     * enrichment of the piece their event time falls in: one query for all pieces. Alarms count
     * only when enrichable (they carry an enrichment status).
     */
    public Uni<List<Document>> notCarrying(
            boolean alarm, DeviceKey device, List<DeviceEnrichment.Piece> pieces, int limit) {
        List<Bson> carrying = new ArrayList<>();
        for (DeviceEnrichment.Piece piece : pieces) {
            List<Bson> bounds = new ArrayList<>();
            if (piece.from() != null) {
                bounds.add(Filters.gte(MessageDocuments.EVENT_TIME, Date.from(piece.from())));
            }
            if (piece.to() != null) {
                bounds.add(Filters.lt(MessageDocuments.EVENT_TIME, Date.from(piece.to())));
            }
            bounds.add(Filters.eq(MessageDocuments.ENRICHMENT_REV, piece.enrichment().rev()));
            carrying.add(Filters.and(bounds));
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(MessageDocuments.TOPIC_ID, device.topic()));
        filters.add(Filters.eq(MessageDocuments.DEVICE_ID, device.deviceId()));
        if (alarm) {
            filters.add(Filters.exists(MessageDocuments.ENRICHMENT_STATUS));
        }
        filters.add(Filters.nor(carrying));
        FindOptions options =
                new FindOptions()
                        .projection(Projections.include(MessageDocuments.EVENT_TIME))
                        .limit(limit);
        return collection(alarm).find(Filters.and(filters), options).collect().asList();
    }

    /**
     * Sets the enrichment on the documents {@code ids}; how many changed. One update per document,
     * filtered by {@code _id} alone so that every store answers it from the {@code _id} index (the
     * pass alone rewrites documents, and the same enrichment written twice changes nothing).
     */
    public Uni<Long> rewrite(boolean alarm, List<Object> ids, StretchEnrichment enrichment) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        List<Bson> sets = new ArrayList<>();
        enrichment.fields().forEach((k, v) -> sets.add(Updates.set(k, v)));
        Bson update = Updates.combine(sets);
        List<UpdateOneModel<Document>> updates = new ArrayList<>(ids.size());
        for (Object id : ids) {
            updates.add(new UpdateOneModel<>(Filters.eq("_id", id), update));
        }
        return collection(alarm)
                .bulkWrite(updates, new BulkWriteOptions().ordered(false))
                .map(r -> (long) r.getModifiedCount());
    }

    /** The views recorded for {@code devices}, by device (absent: none recorded). */
    public Uni<Map<DeviceKey, String>> views(List<DeviceKey> devices) {
        Map<String, DeviceKey> byId = new HashMap<>();
        devices.forEach(d -> byId.put(d.id(), d));
        return views.find(Filters.in("_id", new ArrayList<>(byId.keySet())))
                .collect()
                .asList()
                .map(
                        found -> {
                            Map<DeviceKey, String> result = new HashMap<>();
                            for (Document d : found) {
                                result.put(byId.get(d.getString("_id")), d.getString(VIEW_REV));
                            }
                            return result;
                        });
    }

    /** Up to {@code limit} recorded views after {@code afterId} (null: from the first), by id. */
    public Uni<List<Document>> viewsAfter(String afterId, int limit) {
        Bson filter = afterId == null ? new Document() : Filters.gt("_id", afterId);
        return views.find(filter, new FindOptions().sort(Sorts.ascending("_id")).limit(limit))
                .collect()
                .asList();
    }

    /** Records that the documents of {@code device} carry the view {@code viewRev}. */
    public Uni<Void> recordView(DeviceKey device, String viewRev, Instant now) {
        return recordViews(List.of(Map.entry(device, viewRev)), now);
    }

    /**
     * Records the view each device's documents carry, in one write: a pass verifying the devices a
     * start (or a new fleet) brings records hundreds, one round trip each before.
     */
    public Uni<Void> recordViews(List<Map.Entry<DeviceKey, String>> viewRevs, Instant now) {
        if (viewRevs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Date at = Date.from(now);
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        List<UpdateOneModel<Document>> upserts = new ArrayList<>(viewRevs.size());
        for (Map.Entry<DeviceKey, String> view : viewRevs) {
            DeviceKey device = view.getKey();
            upserts.add(
                    new UpdateOneModel<>(
                            Filters.eq("_id", device.id()),
                            Updates.combine(
                                    Updates.set(MessageDocuments.TOPIC_ID, device.topic()),
                                    Updates.set(MessageDocuments.DEVICE_ID, device.deviceId()),
                                    Updates.set(VIEW_REV, view.getValue()),
                                    Updates.set(CHECKED_AT, at)),
                            upsert));
        }
        return views.bulkWrite(upserts, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    private ReactiveMongoCollection<Document> collection(boolean alarm) {
        return alarm ? alarms : readings;
    }
}
