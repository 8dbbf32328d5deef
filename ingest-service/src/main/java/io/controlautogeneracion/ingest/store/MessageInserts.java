package io.controlautogeneracion.ingest.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ServerDescription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The writes of the device streams into {@code topic} and {@code topic_alarm}: unordered inserts of
 * documents the service encoded ({@link EncodedDocument}), each reporting, per document, a
 * duplicate key (a redelivered message, which counts as success) or a refusal by the store (see
 * {@link StoreErrors}).
 *
 * <p>Each insert is MongoDB's {@code insert} command, built here around the documents' bytes and
 * run with the driver's {@code runCommand}, on the calling thread (the synchronous client: a device
 * stream's own thread writes its batch and waits for it anyway). The driver's bulk API does the
 * same on the wire, but keeps per document a write request, its position, a codec lookup, a walk
 * for its {@code _id} and its entry in the result (async-profiler: the driver took 18 % of the
 * service's CPU with the bulk API, 10.5 % with the command, most of that the socket's write and
 * read). Here the documents are copied once into the command (a buffer reused from one insert to
 * the next), and the reply's write errors read by position.
 */
@ApplicationScoped
public class MessageInserts {

    /**
     * The most bytes of documents one command carries: the server's limit on a document, which a
     * command in one piece is held to (with room for its own fields). A larger batch is sent as
     * several commands; a single document over it goes alone, for the server to refuse.
     */
    static final int MAX_COMMAND_BYTES = 16 * 1024 * 1024 - 16 * 1024;

    /** Room for a command's own fields and a document's element header (type, index, NUL). */
    private static final int COMMAND_ROOM = 256;

    private static final int ELEMENT_ROOM = 8;

    /**
     * Command buffers kept for the next insert: one for each device stream and one more; those
     * larger than {@link #KEPT_COMMAND_BYTES} (a batch of large messages) are left to the
     * collector.
     */
    private static final int KEPT_COMMANDS = 4;

    private static final int KEPT_COMMAND_BYTES = 1024 * 1024;

    private final BlockingQueue<BsonOutput> commands = new ArrayBlockingQueue<>(KEPT_COMMANDS);

    private final MongoClient client;
    private final MongoDatabase database;
    private final int maxCommandBytes;

    @Inject
    public MessageInserts(
            MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this(client, database, MAX_COMMAND_BYTES);
    }

    MessageInserts(MongoClient client, String database, int maxCommandBytes) {
        this.client = client;
        this.database = client.getDatabase(database);
        this.maxCommandBytes = maxCommandBytes;
    }

    /** The outcome of both inserts of a batch. */
    public record Outcomes(InsertOutcome readings, InsertOutcome alarms) {}

    /**
     * Inserts both lists, the readings first. Duplicate keys and refusals of single documents are
     * reported in the outcome; a failure of the store as a whole is thrown at once, for the caller
     * to retry. Calling it again with the same documents is harmless: what was stored comes back as
     * duplicates.
     */
    public Outcomes insert(List<EncodedDocument> readingDocs, List<EncodedDocument> alarmDocs) {
        InsertOutcome stored = insert(MessageRepository.READINGS, readingDocs);
        return new Outcomes(stored, insert(MessageRepository.ALARMS, alarmDocs));
    }

    /** The documents in as many commands as their bytes take, in order. */
    private InsertOutcome insert(String collection, List<EncodedDocument> documents) {
        InsertOutcome outcome = InsertOutcome.allStored();
        int from = 0;
        int count = documents.size();
        while (from < count) {
            int to = from;
            long bytes = COMMAND_ROOM;
            do {
                bytes += documents.get(to).size() + ELEMENT_ROOM;
                to++;
            } while (to < count
                    && bytes + documents.get(to).size() + ELEMENT_ROOM <= maxCommandBytes);
            InsertOutcome sent;
            BsonOutput command = command(collection, documents, from, to, (int) bytes);
            try {
                sent = outcome(database.runCommand(command.document(), RawBsonDocument.class));
            } catch (RuntimeException failure) {
                if (StoreErrors.storeWide(failure)) {
                    throw failure;
                }
                sent = refusedWhole(collection, documents.subList(from, to), failure);
            } finally {
                // The driver copied the command into its own buffers before sending it.
                keep(command);
            }
            outcome = from == 0 ? sent : outcome.then(sent, from);
            from = to;
        }
        return outcome;
    }

    /**
     * {@code {insert: collection, documents: [...], ordered: false, writeConcern: ...}}, in a
     * buffer kept from an earlier insert when one is free.
     */
    private BsonOutput command(
            String collection, List<EncodedDocument> documents, int from, int to, int bytes) {
        BsonOutput out = commands.poll();
        if (out == null) {
            out = new BsonOutput(bytes);
        } else {
            out.truncate(0);
        }
        int start = out.start();
        out.string("insert", collection);
        int array = out.startArray("documents");
        for (int i = from; i < to; i++) {
            EncodedDocument document = documents.get(i);
            out.document(
                    BsonNames.index(i - from),
                    document.bytes(),
                    document.offset(),
                    document.size());
        }
        out.end(array);
        out.bool("ordered", false);
        writeConcern(out, database.getWriteConcern());
        out.end(start);
        return out;
    }

    private void keep(BsonOutput command) {
        if (command.capacity() <= KEPT_COMMAND_BYTES) {
            commands.offer(command);
        }
    }

    /** The write concern configured for the client, unless it is the server's own default. */
    private static void writeConcern(BsonOutput out, WriteConcern concern) {
        if (concern.isServerDefault()) {
            return;
        }
        int start = out.startDocument("writeConcern");
        Object w = concern.getWObject();
        if (w instanceof Integer count) {
            out.int32("w", count);
        } else if (w instanceof String tag) {
            out.string("w", tag);
        }
        Integer timeout = concern.getWTimeout(TimeUnit.MILLISECONDS);
        if (timeout != null) {
            out.int32("wtimeout", timeout);
        }
        if (concern.getJournal() != null) {
            out.bool("j", concern.getJournal());
        }
        out.end(start);
    }

    /**
     * The reply's write errors by position: duplicate keys and the documents refused; an error that
     * says nothing about its document (see {@link StoreErrors}), or a write concern not met, is the
     * store's, thrown for the write to be retried.
     */
    private InsertOutcome outcome(RawBsonDocument reply) {
        BsonValue concernError = reply.get("writeConcernError");
        if (concernError != null) {
            BsonDocument error = concernError.asDocument();
            throw labelled(
                    new MongoWriteConcernException(
                            new WriteConcernError(
                                    error.getNumber("code").intValue(),
                                    text(error, "codeName"),
                                    text(error, "errmsg"),
                                    error.getDocument("errInfo", new BsonDocument())),
                            server()),
                    reply);
        }
        BsonValue errors = reply.get("writeErrors");
        if (errors == null) {
            return InsertOutcome.allStored();
        }
        Set<Integer> duplicates = new HashSet<>();
        Map<Integer, String> refused = new HashMap<>();
        for (BsonValue value : errors.asArray()) {
            BsonDocument error = value.asDocument();
            int index = error.getNumber("index").intValue();
            int code = error.getNumber("code").intValue();
            String message = text(error, "errmsg");
            if (StoreErrors.storeWideCode(code)) {
                throw labelled(
                        new MongoCommandException(
                                new BsonDocument("ok", new BsonInt32(0))
                                        .append("code", new BsonInt32(code))
                                        .append("errmsg", new BsonString(message)),
                                server()),
                        reply);
            }
            if (ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY) {
                duplicates.add(index);
            } else {
                refused.put(index, "error " + code + ": " + message);
            }
        }
        return new InsertOutcome(duplicates, refused);
    }

    private static String text(BsonDocument document, String name) {
        BsonValue value = document.get(name);
        return value != null && value.isString() ? value.asString().getValue() : "";
    }

    private static <E extends MongoServerException> E labelled(E failure, RawBsonDocument reply) {
        BsonValue labels = reply.get("errorLabels");
        if (labels instanceof BsonArray array) {
            array.forEach(label -> failure.addLabel(label.asString().getValue()));
        }
        return failure;
    }

    /** The server the client writes to, for an error's message. */
    private ServerAddress server() {
        return client.getClusterDescription().getServerDescriptions().stream()
                .map(ServerDescription::getAddress)
                .findFirst()
                .orElseGet(ServerAddress::new);
    }

    /**
     * A command refused as a whole, by the driver or by the server (a document too large, too deep,
     * with a name the server will not take), before anything was inserted: narrowed down by halving
     * the documents until each refused one stands alone. Duplicates found on the way are earlier
     * deliveries, as on a first try.
     */
    private InsertOutcome refusedWhole(
            String collection, List<EncodedDocument> documents, RuntimeException failure) {
        if (documents.size() == 1) {
            return new InsertOutcome(Set.of(), Map.of(0, StoreErrors.describe(failure)));
        }
        int half = documents.size() / 2;
        InsertOutcome first = insert(collection, documents.subList(0, half));
        InsertOutcome second = insert(collection, documents.subList(half, documents.size()));
        return first.then(second, half);
    }
}
