package io.controlautogeneracion.ingest.stats;

import io.controlautogeneracion.model.druid.TopicStatsRow;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.bson.Document;

/**
 * The two outside forms of a bucket: the {@code topic_stats} document in MongoDB (counters that
 * flushes add to, with a sparse latency histogram) and the row published to Kafka for Druid.
 */
public final class StatsDocuments {

    public static final String TOPIC_ID = "topic_id";
    public static final String BUCKET_START = "bucket_start";
    public static final String BUCKET_SECONDS = "bucket_seconds";
    public static final String MESSAGES = "messages";
    public static final String BYTES = "bytes";
    public static final String INVALID = "invalid";
    public static final String LATENCY_SUM = "latency_sum_ms";
    public static final String LATENCY_MAX = "latency_max_ms";
    public static final String LATENCY_HIST = "latency_hist";
    public static final String LAG = "lag";

    private StatsDocuments() {}

    /** The filter that identifies the document of a bucket. */
    public static Document key(BucketSnapshot bucket) {
        return new Document(TOPIC_ID, bucket.topic())
                .append(BUCKET_START, Date.from(bucket.start()));
    }

    /** An update that adds a delta to the stored bucket (creating it when absent). */
    public static Document increment(BucketSnapshot delta) {
        BucketStats stats = delta.stats();
        Document inc =
                new Document(MESSAGES, stats.messages())
                        .append(BYTES, stats.bytes())
                        .append(INVALID, stats.invalid())
                        .append(LATENCY_SUM, stats.latencySumMillis());
        for (Map.Entry<String, Long> bucket : stats.latency().toSparse().entrySet()) {
            inc.append(LATENCY_HIST + "." + bucket.getKey(), bucket.getValue());
        }
        Document max = new Document(LATENCY_MAX, stats.latencyMaxMillis()).append(LAG, stats.lag());
        return new Document("$inc", inc)
                .append("$max", max)
                .append("$setOnInsert", new Document(BUCKET_SECONDS, delta.width().toSeconds()));
    }

    /** Reads a stored bucket back. */
    public static BucketSnapshot fromDocument(Document document) {
        Document histogram = document.get(LATENCY_HIST, Document.class);
        BucketStats stats =
                BucketStats.of(
                        number(document, MESSAGES),
                        number(document, BYTES),
                        number(document, INVALID),
                        number(document, LATENCY_SUM),
                        number(document, LATENCY_MAX, -1),
                        number(document, LAG, -1),
                        histogram == null
                                ? new LatencyHistogram()
                                : LatencyHistogram.fromSparse(histogram));
        return new BucketSnapshot(
                document.getString(TOPIC_ID),
                document.getDate(BUCKET_START).toInstant(),
                Duration.ofSeconds(number(document, BUCKET_SECONDS, 10)),
                stats);
    }

    /** The row of a closed bucket for the Druid {@code topic_stats} datasource. */
    public static TopicStatsRow toDruidRow(BucketSnapshot bucket) {
        BucketStats stats = bucket.stats();
        boolean latency = stats.latencyCount() > 0;
        return new TopicStatsRow(
                bucket.topic(),
                bucket.start(),
                stats.messages(),
                stats.bytes(),
                stats.invalid(),
                latency ? stats.latencyAvgMillis() : null,
                latency ? (double) stats.latencyP95Millis() : null,
                latency ? (double) stats.latencyMaxMillis() : null,
                stats.lag() >= 0 ? stats.lag() : null);
    }

    private static long number(Document document, String field) {
        return number(document, field, 0);
    }

    private static long number(Document document, String field, long absent) {
        Object value = document.get(field);
        return value instanceof Number n ? n.longValue() : absent;
    }
}
