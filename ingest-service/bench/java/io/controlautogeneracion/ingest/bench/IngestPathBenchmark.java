package io.controlautogeneracion.ingest.bench;

import io.controlautogeneracion.ingest.store.EncodedDocument;
import io.controlautogeneracion.ingest.stream.IngestPipeline;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.controlautogeneracion.ingest.stream.ParsedMessage;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ReadingParser;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import io.controlautogeneracion.ingest.store.BsonOutput;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The per-message path without I/O, on one thread, as the device streams run it: parse and
 * validate a record's payload while writing its BSON, then map it to its MongoDB document. A mix of the three kinds with about 2 % invalid messages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestPathBenchmark {

    private static final int POOL = 4096;
    /** Messages a batch, after which the batch's documents are let go. */
    private static final int BATCH = 1024;
    /** The default of {@code ingest.alarms.max-raw-text-bytes}. */
    private static final int RAW_TEXT_LIMIT = 65_536;

    private final ReadingParser parser = ReadingParser.withDefaults();
    private final byte[][] payloads = new byte[POOL][];
    private final DeviceKind[] kinds = new DeviceKind[POOL];
    /** The documents of a batch, as a device stream keeps them ({@code DocumentArena}). */
    private final BsonOutput documents = new BsonOutput(1024 * 1024);
    private int next;

    @Setup
    public void preparePayloads() {
        BenchMessages messages = new BenchMessages(42);
        Instant now = Instant.now();
        for (int i = 0; i < POOL; i++) {
            kinds[i] = DeviceKind.values()[i % 3];
            payloads[i] = messages.message(kinds[i], i, now).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public EncodedDocument parseValidateMap() {
        int i = next++ & (POOL - 1);
        DeviceKind kind = kinds[i];
        byte[] payload = payloads[i];
        if ((next & (BATCH - 1)) == 0) {
            documents.truncate(0);
        }
        ParsedMessage message =
                IngestPipeline.parse(
                        parser,
                        kind,
                        new ConsumerRecord<>(
                                kind.defaultTopic(), 0, i, BenchMessages.deviceId(kind, i), payload),
                        parser.now(),
                        documents);
        return MessageDocuments.encode(message, RAW_TEXT_LIMIT);
    }
}
