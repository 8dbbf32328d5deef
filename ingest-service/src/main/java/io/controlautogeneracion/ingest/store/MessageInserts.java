package io.controlautogeneracion.ingest.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.RawBsonDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The writes of the device streams into {@code topic} and {@code topic_alarm}: unordered bulk
 * inserts of documents the service encoded ({@link EncodedDocument}), each reporting, per document,
 * a duplicate key (a redelivered message, which counts as success) or a refusal by the store (see
 * {@link StoreErrors}). Through the MongoDB driver's synchronous client, on the calling thread: a
 * device stream's own thread writes its batch and waits for it anyway, and the asynchronous client
 * cost a hand-over to its connection pool's thread and to an event loop for every insert, and more
 * CPU per message on those threads than the insert itself.
 */
@ApplicationScoped
public class MessageInserts {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoCollection<RawBsonDocument> readings;
    private final MongoCollection<RawBsonDocument> alarms;

    public MessageInserts(
            MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.readings =
                client.getDatabase(database)
                        .getCollection(MessageRepository.READINGS, RawBsonDocument.class);
        this.alarms =
                client.getDatabase(database)
                        .getCollection(MessageRepository.ALARMS, RawBsonDocument.class);
    }

    /** The outcome of both inserts of a batch. */
    public record Outcomes(InsertOutcome readings, InsertOutcome alarms) {}

    /**
     * Inserts both lists, the readings first. Duplicate keys and refusals of single documents are
     * reported in the outcome; a failure of the store as a whole is thrown at once, for the caller
     * to retry. Calling it again with the same documents is harmless: what was stored comes back as
     * duplicates.
     */
    public Outcomes insert(List<RawBsonDocument> readingDocs, List<RawBsonDocument> alarmDocs) {
        InsertOutcome stored = insert(readings, readingDocs);
        return new Outcomes(stored, insert(alarms, alarmDocs));
    }

    private static InsertOutcome insert(
            MongoCollection<RawBsonDocument> collection, List<RawBsonDocument> documents) {
        if (documents.isEmpty()) {
            return InsertOutcome.allStored();
        }
        try {
            collection.insertMany(documents, UNORDERED);
            return InsertOutcome.allStored();
        } catch (RuntimeException failure) {
            if (StoreErrors.storeWide(failure)) {
                throw failure;
            }
            return contentFailure(collection, documents, failure);
        }
    }

    /**
     * A failure about the documents: per-document write errors name their positions; a failure of
     * the whole insert (the encoder or the server refusing the command for one document) is
     * narrowed down by halving the list until each refused document stands alone.
     */
    private static InsertOutcome contentFailure(
            MongoCollection<RawBsonDocument> collection,
            List<RawBsonDocument> documents,
            RuntimeException failure) {
        if (failure instanceof MongoBulkWriteException bulk) {
            Set<Integer> duplicates = new HashSet<>();
            Map<Integer, String> refused = new HashMap<>();
            for (BulkWriteError error : bulk.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    duplicates.add(error.getIndex());
                } else {
                    refused.put(
                            error.getIndex(),
                            "error " + error.getCode() + ": " + error.getMessage());
                }
            }
            return new InsertOutcome(duplicates, refused);
        }
        if (documents.size() == 1) {
            return new InsertOutcome(Set.of(), Map.of(0, StoreErrors.describe(failure)));
        }
        // The insert was refused as a whole, by the driver (a document too large) or the server,
        // before anything was inserted (a batch is one command at the write's byte bound), so
        // duplicates found while halving are earlier deliveries, as on a first try.
        int half = documents.size() / 2;
        InsertOutcome first = insert(collection, documents.subList(0, half));
        InsertOutcome second = insert(collection, documents.subList(half, documents.size()));
        return first.then(second, half);
    }
}
