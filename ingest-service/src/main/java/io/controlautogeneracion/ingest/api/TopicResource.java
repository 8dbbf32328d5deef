package io.controlautogeneracion.ingest.api;

import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.enrich.EnrichmentPass;
import io.controlautogeneracion.ingest.stats.BucketSnapshot;
import io.controlautogeneracion.ingest.stats.BucketStats;
import io.controlautogeneracion.ingest.stats.StatsAggregation;
import io.controlautogeneracion.ingest.store.EnrichmentRepository;
import io.controlautogeneracion.ingest.store.MessageRepository;
import io.controlautogeneracion.ingest.store.StatsRepository;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bson.Document;

/**
 * Read-only REST view of the ingest: topics, throughput buckets, alarms and stored messages. Every
 * endpoint needs the viewer role: raw messages carry their owners' names and addresses.
 */
@Path("/topics")
@RolesAllowed({Roles.VIEWER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    private static final Duration LAST_MINUTE = Duration.ofMinutes(1);

    /**
     * Pages by number skip the readings before them; beyond this many a caller follows the cursor,
     * which reads on from the index where the page before ended.
     */
    static final int MAX_SKIP = 10_000;

    /** {@code awaiting_enrichment} is counted up to this many documents. */
    static final int AWAITING_CAP = 10_000;

    private final IngestConfig config;
    private final MessageRepository messages;
    private final StatsRepository stats;
    private final EnrichmentRepository enrichment;
    private final EnrichmentPass pass;
    private final Clock clock;

    public TopicResource(
            IngestConfig config,
            MessageRepository messages,
            StatsRepository stats,
            EnrichmentRepository enrichment,
            EnrichmentPass pass,
            Clock clock) {
        this.config = config;
        this.messages = messages;
        this.stats = stats;
        this.enrichment = enrichment;
        this.pass = pass;
        this.clock = clock;
    }

    /** Each device topic with its rates over the last minute and its latest lag. */
    @GET
    public Uni<List<TopicSummary>> topics() {
        Instant now = clock.instant();
        return Multi.createFrom()
                .items(DeviceKind.values())
                .onItem()
                .transformToUniAndConcatenate(kind -> summary(kind, now))
                .collect()
                .asList();
    }

    @GET
    @Path("{topic}/stats")
    public Uni<List<StatsPoint>> stats(
            @PathParam("topic") String topic,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("bucket") String bucket) {
        known(topic);
        Duration width = QueryParams.bucket(bucket, config.stats().bucket());
        QueryParams.Range range =
                QueryParams.range(from, to, clock.instant(), config.api().maxRange());
        return stats.buckets(topic, range.from(), range.to())
                .map(
                        buckets ->
                                StatsAggregation.rebucket(topic, buckets, width).stream()
                                        .map(StatsPoint::of)
                                        .toList());
    }

    @GET
    @Path("{topic}/alarms")
    public Uni<List<StoredMessage>> alarms(
            @PathParam("topic") String topic,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit) {
        known(topic);
        QueryParams.Range range =
                QueryParams.range(from, to, clock.instant(), config.api().maxRange());
        int max = QueryParams.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        return messages.alarms(topic, range.from(), range.to(), max)
                .map(documents -> documents.stream().map(StoredMessage::of).toList());
    }

    @GET
    @Path("{topic}/messages")
    public Uni<MessagePage> messages(
            @PathParam("topic") String topic,
            @QueryParam("device_id") String deviceId,
            @QueryParam("client_id") String clientId,
            @QueryParam("postal_code") String postalCode,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("page") String page,
            @QueryParam("after") String after) {
        known(topic);
        QueryParams.Range range =
                QueryParams.range(from, to, clock.instant(), config.api().maxRange());
        int size = QueryParams.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        int number = QueryParams.page(page);
        MessageRepository.SortKey cursor =
                blankless(after) == null ? null : PageCursor.decode(after);
        if (cursor != null && number > 0) {
            throw ApiException.badRequest("'page' and 'after' together: pass one of them");
        }
        MessageRepository.Selection selection =
                new MessageRepository.Selection(
                        blankless(deviceId), blankless(clientId), blankless(postalCode));
        long skip = (long) number * size;
        if (skip > MAX_SKIP) {
            throw ApiException.badRequest(
                    "'page' "
                            + number
                            + " with 'limit' "
                            + size
                            + " starts after "
                            + MAX_SKIP
                            + " readings: follow the 'next' cursor of each page ('after')");
        }
        return messages.messages(
                        topic, selection, range.from(), range.to(), cursor, (int) skip, size + 1)
                .map(
                        documents -> {
                            boolean more = documents.size() > size;
                            List<Document> shown =
                                    documents.subList(0, Math.min(size, documents.size()));
                            String next =
                                    more
                                            ? PageCursor.encode(
                                                    MessageRepository.SortKey.of(
                                                            shown.get(shown.size() - 1)))
                                            : null;
                            List<StoredMessage> items =
                                    shown.stream().map(StoredMessage::of).toList();
                            return new MessagePage(topic, number, size, more, next, items);
                        });
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private Uni<TopicSummary> summary(DeviceKind kind, Instant now) {
        String topic = config.topics().of(kind);
        Instant from = BucketSnapshot.floor(now.minus(LAST_MINUTE), config.stats().bucket());
        return enrichment
                .awaiting(topic, AWAITING_CAP)
                .chain(
                        awaiting ->
                                stats.buckets(topic, from, now)
                                        .map(b -> summary(kind, topic, from, now, b, awaiting)));
    }

    private TopicSummary summary(
            DeviceKind kind,
            String topic,
            Instant from,
            Instant now,
            List<BucketSnapshot> buckets,
            int awaiting) {
        BucketStats total = StatsAggregation.total(topic, from, LAST_MINUTE, buckets).stats();
        double seconds = Math.max(1, Duration.between(from, now).toMillis() / 1000.0);
        Long lag = null;
        for (BucketSnapshot bucket : buckets) {
            if (bucket.stats().lag() >= 0) {
                lag = bucket.stats().lag();
            }
        }
        return new TopicSummary(
                topic,
                kind.name().toLowerCase(Locale.ROOT),
                total.messages() / seconds,
                total.bytes() / seconds,
                total.invalid() / seconds,
                total.latencyCount() > 0 ? total.latencyP95Millis() : null,
                lag,
                awaiting,
                pass.enrichedLater(topic));
    }

    private void known(String topic) {
        if (config.topics().kindOf(topic).isEmpty()) {
            throw ApiException.notFound(
                    "topic '"
                            + topic
                            + "' is not ingested here; known topics: "
                            + config.topics().all().values());
        }
    }
}
