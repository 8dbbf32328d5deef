package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.enrich.CatalogEnrichment;
import io.controlautogeneracion.ingest.health.PartitionProgress;
import io.controlautogeneracion.ingest.stats.ThroughputStats;
import io.controlautogeneracion.ingest.store.BsonOutput;
import io.controlautogeneracion.ingest.store.BsonSink;
import io.controlautogeneracion.ingest.store.MessageInserts;
import io.controlautogeneracion.ingest.store.MongoIndexes;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * The path of one Kafka batch: parse and validate every record, enrich it from the catalog (without
 * waiting past a bound: see {@link CatalogEnrichment}), write it to MongoDB in parts bounded in
 * messages and bytes, then count it. A document the store refuses goes to {@code topic_alarm} with
 * the reason; a failure of the store as a whole is retried with capped exponential backoff until
 * the write is acknowledged. The returned Uni completes only after the last part is written, so the
 * batch's offsets are committed after it.
 */
@ApplicationScoped
public class IngestPipeline {

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    /** Room for the BSON of a message beyond its JSON's size (names' NULs, lengths, types). */
    private static final int VALUE_ROOM = 64;

    private final ReadingParser parser;
    private final MessageInserts inserts;
    private final MongoIndexes indexes;
    private final ThroughputStats stats;
    private final PartitionProgress progress;
    private final IngestConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CatalogEnrichment enrichment;

    public IngestPipeline(
            ReadingParser parser,
            CatalogEnrichment enrichment,
            MessageInserts inserts,
            MongoIndexes indexes,
            ThroughputStats stats,
            PartitionProgress progress,
            IngestConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.parser = parser;
        this.enrichment = enrichment;
        this.inserts = inserts;
        this.indexes = indexes;
        this.stats = stats;
        this.progress = progress;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The Uni of one batch. Its steps after the first asynchronous one (the indexes at start, the
     * catalog lookups that did not come from the cache) go on through {@code thread}, the device
     * stream's own, which also writes: the inserts block on the store. A retry after a failed write
     * runs on the worker pool.
     */
    public Uni<Void> ingest(
            DeviceKind kind,
            ConsumerRecords<String, byte[]> records,
            Executor thread,
            BsonOutput documents) {
        List<ParsedMessage> messages = new ArrayList<>(records.count());
        Instant now = clock.instant();
        for (ConsumerRecord<String, byte[]> record : records) {
            messages.add(parse(parser, kind, record, now, documents));
        }
        records.partitions()
                .forEach(
                        p ->
                                progress.received(
                                        p.topic(),
                                        p.partition(),
                                        records.records(p).get(0).offset(),
                                        now));
        String topic = messages.isEmpty() ? null : messages.get(0).topic();
        return indexes.ready()
                .chain(() -> enrichment.enrich(kind, messages))
                .emitOn(thread)
                .chain(
                        enriched ->
                                store(enriched.messages())
                                        .invoke(() -> enrichment.stored(topic, enriched)));
    }

    /** Writes parsed messages in parts, one after the other; completes when all are stored. */
    public Uni<Void> store(List<ParsedMessage> messages) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (List<ParsedMessage> part : parts(messages)) {
            written = written.chain(() -> write(WriteBatch.of(part, rawTextLimit())));
        }
        return written;
    }

    /**
     * Consecutive parts of at most max-batch-messages and max-batch-bytes (one message at least).
     */
    List<List<ParsedMessage>> parts(List<ParsedMessage> messages) {
        int maxMessages = Math.max(1, config.write().maxBatchMessages());
        long maxBytes = config.write().maxBatchBytes();
        List<List<ParsedMessage>> parts = new ArrayList<>();
        List<ParsedMessage> part = new ArrayList<>();
        long bytes = 0;
        for (ParsedMessage message : messages) {
            if (!part.isEmpty()
                    && (part.size() >= maxMessages || bytes + message.bytes() > maxBytes)) {
                parts.add(part);
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(message);
            bytes += message.bytes();
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    /**
     * Parses one record in one pass that writes its JSON object straight to the BSON of {@code
     * msg_value}, in the document begun for it, in an output of its own (no tree: a tree takes many
     * times the bytes of its text, tens of times for a hostile one, and a batch waits for the
     * catalog and the store); a parser failure is an invalid message, never a lost one.
     */
    public static ParsedMessage parse(
            ReadingParser parser, DeviceKind kind, ConsumerRecord<String, byte[]> record) {
        int size = record.value() == null ? 0 : record.value().length;
        return parse(
                parser,
                kind,
                record,
                parser.now(),
                new BsonOutput(2 * MessageDocuments.bytesFor(size + VALUE_ROOM)));
    }

    /**
     * The same, the timestamp's bounds measured from {@code now} (the batch's time), the head
     * written after what {@code documents} holds (its batch's {@link DocumentArena}).
     */
    public static ParsedMessage parse(
            ReadingParser parser,
            DeviceKind kind,
            ConsumerRecord<String, byte[]> record,
            Instant now,
            BsonOutput documents) {
        byte[] payload = record.value();
        int size = payload == null ? 0 : payload.length;
        ParseResult result;
        DocumentHead head = null;
        boolean alone = DocumentArena.alone(documents, size);
        BsonOutput out =
                alone ? new BsonOutput(MessageDocuments.bytesFor(size + VALUE_ROOM)) : documents;
        int start = out.size();
        try {
            int stampAt =
                    MessageDocuments.begin(
                            out, record.topic(), record.partition(), record.offset());
            BsonSink sink = new BsonSink(MessageDocuments.MSG_VALUE, out);
            ReadingParser.Streamed streamed = parser.parse(kind, payload, sink, now);
            result = streamed.result();
            if (streamed.written()) {
                head = new DocumentHead(out, start, stampAt, out.size(), alone);
            } else {
                out.truncate(start); // a tree or the raw text instead: encoded on its own
            }
        } catch (RuntimeException e) {
            out.truncate(start);
            LOG.errorf(
                    e,
                    "parser failed on %s/%d@%d",
                    record.topic(),
                    record.partition(),
                    record.offset());
            String text = payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
            result = new ParseResult.Invalid("could not be parsed: " + e, null, null, null, text);
        }
        return new ParsedMessage(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                size,
                result,
                payload,
                head,
                null);
    }

    private Uni<Void> write(WriteBatch batch) {
        return Uni.createFrom()
                .deferred(
                        () -> {
                            Instant ingestTime = clock.instant();
                            batch.startAttempt(ingestTime);
                            return round(batch, ingestTime);
                        })
                .onFailure()
                .invoke(e -> retrying(batch, e))
                .onFailure()
                .retry()
                .withBackOff(config.write().retryInitialBackoff(), config.write().retryMaxBackoff())
                .indefinitely()
                .invoke(ingestTime -> stored(batch, ingestTime))
                .replaceWithVoid();
    }

    /**
     * Sends what is pending; refused documents come back as alarms for one more round. A second
     * refusal round means the store refuses the alarms too: a failure of the store, not of a
     * message.
     */
    private Uni<Instant> round(WriteBatch batch, Instant ingestTime) {
        return Uni.createFrom()
                .item(() -> inserts.insert(batch.readings(), batch.alarms()))
                .chain(
                        outcomes -> {
                            int refused;
                            try {
                                refused = batch.apply(outcomes.readings(), outcomes.alarms());
                            } catch (StoreRefusedException e) {
                                batch.undoRefusals();
                                return Uni.createFrom().failure(e);
                            }
                            if (refused == 0 || !batch.hasPending()) {
                                return Uni.createFrom().item(ingestTime);
                            }
                            batch.stampPending(ingestTime);
                            return round(batch, ingestTime);
                        });
    }

    private void stored(WriteBatch batch, Instant ingestTime) {
        List<ParsedMessage> stored = batch.stored();
        String topic = batch.topic();
        stats.record(topic, ingestTime, stored);
        long invalid = stored.stream().filter(m -> !m.valid()).count();
        meters.counter("ingest.messages.stored", "topic", topic).increment(stored.size() - invalid);
        meters.counter("ingest.messages.invalid", "topic", topic).increment(invalid);
        meters.counter("ingest.messages.redelivered", "topic", topic)
                .increment(batch.size() - stored.size());
        for (ParsedMessage refused : batch.refusedByStore()) {
            meters.counter("ingest.messages.refused", "topic", topic).increment();
            LOG.warnf(
                    "MongoDB refused the document of %s; stored in topic_alarm: %s",
                    refused.describe(), refused.invalid().reason());
        }
        Instant now = clock.instant();
        batch.lastOffsets().forEach((p, offset) -> progress.written(topic, p, offset, now));
        if (batch.attempts() > 1) {
            LOG.infof(
                    "write of %s acknowledged after %d attempts",
                    batch.describe(), batch.attempts());
        }
    }

    private void retrying(WriteBatch batch, Throwable failure) {
        meters.counter("ingest.write.retries", "topic", batch.topic()).increment();
        LOG.warnf(
                "write of %s to MongoDB failed (attempt %d), retrying with backoff up to %s: %s",
                batch.describe(),
                batch.attempts(),
                config.write().retryMaxBackoff(),
                failure.toString());
    }

    private int rawTextLimit() {
        return config.alarms().maxRawTextBytes();
    }
}
