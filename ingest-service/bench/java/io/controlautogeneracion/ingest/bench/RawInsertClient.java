package io.controlautogeneracion.ingest.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;

import io.controlautogeneracion.ingest.store.EncodedDocument;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.controlautogeneracion.ingest.stream.ParsedMessage;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ReadingParser;

import org.bson.Document;
import org.bson.codecs.DocumentCodec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The MongoDB stand-in's own ceiling: a minimal client that only sends unordered bulk inserts of
 * prebuilt documents (same shape, batch size and concurrency as the service) into a scratch
 * database, each with its message's position as its {@code _id} (the store's one unique index).
 * Usage: {@code RawInsertClient <mongo> <N per topic> <out>};
 * writes the rate in documents per second to {@code out}.
 */
public final class RawInsertClient {

    private static final int BATCH = 1000;

    private RawInsertClient() {}

    public static void main(String[] args) throws Exception {
        BenchLogging.configure();
        long perTopic = Long.parseLong(args[1]);
        rate(args[0], Math.min(perTopic, 50_000)); // warms the stand-in and this JVM
        double rate = rate(args[0], perTopic);
        Files.writeString(Path.of(args[2]), Double.toString(rate));
    }

    /** Three writers (one per topic, like the service's channels), batches of 1000, unordered. */
    static double rate(String mongo, long perTopic) throws Exception {
        try (MongoClient client = MongoClients.create(mongo)) {
            MongoDatabase database = client.getDatabase("bench_raw");
            MongoCollection<Document> collection = database.getCollection("topic");
            ExecutorService writers = Executors.newFixedThreadPool(3);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (DeviceKind kind : DeviceKind.values()) {
                done.add(writers.submit(() -> insertAll(collection, kind, perTopic)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            writers.shutdown();
            database.drop();
            return perTopic * 3 / seconds;
        }
    }

    /**
     * Inserts {@code count} documents in batches; the documents of a batch are built once (parse +
     * map, like the service) and reused with new offsets, so the timing is the store's, not the
     * client's.
     */
    private static void insertAll(
            MongoCollection<Document> collection, DeviceKind kind, long count) {
        BenchMessages messages = new BenchMessages(kind.ordinal());
        ReadingParser parser = ReadingParser.withDefaults();
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        Instant now = Instant.now();
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            byte[] payload = messages.message(kind, i, now).getBytes(StandardCharsets.UTF_8);
            ParsedMessage message =
                    new ParsedMessage(
                            kind.defaultTopic(),
                            0,
                            i,
                            BenchMessages.deviceId(kind, i),
                            payload.length,
                            parser.parse(kind, payload),
                            payload);
            EncodedDocument encoded = MessageDocuments.encode(message, 65_536);
            encoded.stamp(now);
            batch.add(encoded.document().decode(new DocumentCodec()));
        }
        for (long offset = 0; offset < count; offset += BATCH) {
            int size = (int) Math.min(BATCH, count - offset);
            for (int i = 0; i < size; i++) {
                Document document = batch.get(i);
                document.put(
                        MessageDocuments.ID,
                        MessageDocuments.id(kind.defaultTopic(), 0, offset + i));
                document.put(MessageDocuments.OFFSET, offset + i);
            }
            collection.insertMany(batch.subList(0, size), unordered);
        }
    }
}
