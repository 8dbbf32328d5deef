package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.stats.ThroughputStats;
import io.controlautogeneracion.ingest.store.MessageRepository;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * The path of one Kafka batch: parse and validate every record, write the batch to MongoDB
 * (retrying with capped exponential backoff until the write is acknowledged), then count it. The
 * returned Uni completes only after the write, so the batch's offsets are committed after it.
 */
@ApplicationScoped
public class IngestPipeline {

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    private final ReadingParser parser;
    private final MessageRepository repository;
    private final MongoIndexes indexes;
    private final ThroughputStats stats;
    private final IngestConfig config;
    private final Clock clock;
    private final MeterRegistry meters;

    public IngestPipeline(
            ReadingParser parser,
            MessageRepository repository,
            MongoIndexes indexes,
            ThroughputStats stats,
            IngestConfig config,
            Clock clock,
            MeterRegistry meters) {
        this.parser = parser;
        this.repository = repository;
        this.indexes = indexes;
        this.stats = stats;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    public Uni<Void> ingest(DeviceKind kind, ConsumerRecords<String, byte[]> records) {
        List<ParsedMessage> messages = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            messages.add(parse(kind, record));
        }
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        WriteBatch batch = WriteBatch.of(messages);
        String topic = messages.get(0).topic();
        return indexes.ready().chain(() -> write(batch, topic));
    }

    /** Parses one record; a parser failure is an invalid message, never a lost one. */
    ParsedMessage parse(DeviceKind kind, ConsumerRecord<String, byte[]> record) {
        byte[] payload = record.value();
        ParseResult result;
        try {
            result = parser.parse(kind, payload);
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "parser failed on %s/%d@%d",
                    record.topic(),
                    record.partition(),
                    record.offset());
            String text = payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
            result = new ParseResult.Invalid("could not be parsed: " + e, null, null, null, text);
        }
        int size = payload == null ? 0 : payload.length;
        return new ParsedMessage(
                record.topic(), record.partition(), record.offset(), record.key(), size, result);
    }

    private Uni<Void> write(WriteBatch batch, String topic) {
        return Uni.createFrom()
                .deferred(
                        () -> {
                            Instant ingestTime = clock.instant();
                            batch.startAttempt(ingestTime);
                            return repository
                                    .insert(batch.readings(), batch.alarms())
                                    .invoke(
                                            duplicates ->
                                                    stored(batch, topic, ingestTime, duplicates));
                        })
                .onFailure(MessageRepository::retryable)
                .invoke(e -> retrying(batch, topic, e))
                .onFailure(MessageRepository::retryable)
                .retry()
                .withBackOff(config.write().retryInitialBackoff(), config.write().retryMaxBackoff())
                .indefinitely()
                .replaceWithVoid();
    }

    private void stored(
            WriteBatch batch,
            String topic,
            Instant ingestTime,
            MessageRepository.Duplicates duplicates) {
        List<ParsedMessage> stored = batch.stored(duplicates);
        stats.record(topic, ingestTime, stored);
        long invalid = stored.stream().filter(m -> !m.valid()).count();
        meters.counter("ingest.messages.stored", "topic", topic).increment(stored.size() - invalid);
        meters.counter("ingest.messages.invalid", "topic", topic).increment(invalid);
        meters.counter("ingest.messages.redelivered", "topic", topic)
                .increment(batch.size() - stored.size());
        if (batch.attempts() > 1) {
            LOG.infof(
                    "write of %s acknowledged after %d attempts",
                    batch.describe(), batch.attempts());
        }
    }

    private void retrying(WriteBatch batch, String topic, Throwable failure) {
        meters.counter("ingest.write.retries", "topic", topic).increment();
        LOG.warnf(
                "write of %s to MongoDB failed (attempt %d), retrying with backoff up to %s: %s",
                batch.describe(),
                batch.attempts(),
                config.write().retryMaxBackoff(),
                failure.toString());
    }
}
