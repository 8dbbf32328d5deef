package io.controlautogeneracion.ingest.store;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.controlautogeneracion.ingest.stats.BucketSnapshot;
import io.controlautogeneracion.ingest.stats.StatsDocuments;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code topic_stats} collection: one document per topic and bucket, grown by upserts. */
@ApplicationScoped
public class StatsRepository {

    public static final String STATS = "topic_stats";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final ReactiveMongoCollection<Document> stats;

    public StatsRepository(
            ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.stats = client.getDatabase(database).getCollection(STATS);
    }

    /** Adds each delta to its bucket document. */
    public Uni<Void> add(List<BucketSnapshot> deltas) {
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<Document>> updates =
                deltas.stream()
                        .<WriteModel<Document>>map(
                                delta ->
                                        new UpdateOneModel<>(
                                                StatsDocuments.key(delta),
                                                StatsDocuments.increment(delta),
                                                UPSERT))
                        .toList();
        return stats.bulkWrite(updates, UNORDERED).replaceWithVoid();
    }

    /** The stored buckets of {@code topic} that start in [from, to), in time order. */
    public Uni<List<BucketSnapshot>> buckets(String topic, Instant from, Instant to) {
        Bson filter =
                Filters.and(
                        Filters.eq(StatsDocuments.TOPIC_ID, topic),
                        Filters.gte(StatsDocuments.BUCKET_START, Date.from(from)),
                        Filters.lt(StatsDocuments.BUCKET_START, Date.from(to)));
        FindOptions options = new FindOptions().sort(Sorts.ascending(StatsDocuments.BUCKET_START));
        return stats.find(filter, options).map(StatsDocuments::fromDocument).collect().asList();
    }
}
