package io.controlautogeneracion.ingest.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import io.smallrye.mutiny.CompositeException;
import java.util.Set;
import org.bson.BSONException;
import org.bson.codecs.configuration.CodecConfigurationException;

/**
 * Tells a failure of the store as a whole (connection, timeout, election, authorisation, disk,
 * shutdown: retried with backoff) from a refusal of the documents themselves (encoding, size,
 * depth, a name or value the server refuses: the document goes to {@code topic_alarm}).
 */
public final class StoreErrors {

    /**
     * Server error codes that say nothing about the document: the retryable write errors of the
     * drivers' specification, time limits, locks and conflicts, authorisation, a full disk.
     */
    private static final Set<Integer> STORE_WIDE_CODES =
            Set.of(
                    6, 7, 13, 18, 24, 46, 50, 64, 89, 91, 112, 133, 134, 189, 202, 262, 279, 9001,
                    10107, 11600, 11601, 11602, 13435, 13436, 14031, 8000);

    private StoreErrors() {}

    /** Whether {@code failure} is the store's as a whole, so the same write should be retried. */
    public static boolean storeWide(Throwable failure) {
        if (failure instanceof CompositeException composite) {
            return composite.getCauses().stream().anyMatch(StoreErrors::storeWide);
        }
        if (failure instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteConcernError() != null
                    || bulk.getWriteErrors().stream().anyMatch(e -> storeWideCode(e.getCode()));
        }
        if (failure instanceof MongoSocketException
                || failure instanceof MongoTimeoutException
                || failure instanceof MongoExecutionTimeoutException
                || failure instanceof MongoWriteConcernException
                || failure instanceof MongoNotPrimaryException
                || failure instanceof MongoNodeIsRecoveringException
                || failure instanceof MongoSecurityException
                || failure instanceof MongoInterruptedException
                || failure instanceof MongoClientException) {
            return true;
        }
        if (failure instanceof MongoException mongo
                && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                        || mongo.hasErrorLabel("RetryableWriteError"))) {
            return true;
        }
        if (failure instanceof MongoServerException server) {
            return storeWideCode(server.getCode());
        }
        // What remains is about the contents of the write: the encoder refused a document (a name
        // with a NUL, too large, a type without a codec), or the server refused the command for
        // one of them. Anything else is not understood, and a retry is the safe answer.
        return !(failure instanceof BSONException
                || failure instanceof CodecConfigurationException
                || failure instanceof IllegalArgumentException
                || failure instanceof MongoException);
    }

    /** Whether a server error code says nothing about the document it came with. */
    public static boolean storeWideCode(int code) {
        return STORE_WIDE_CODES.contains(code);
    }

    /** A failure's message for a {@code text_alarm}: its type and text, on one line. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replaceAll("\\s+", " ");
    }
}
