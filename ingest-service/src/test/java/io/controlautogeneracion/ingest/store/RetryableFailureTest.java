package io.controlautogeneracion.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import io.smallrye.mutiny.CompositeException;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonSerializationException;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/** Which failures are the store's as a whole (retried) and which are about a document. */
class RetryableFailureTest {

    private static final ServerAddress SERVER = new ServerAddress();

    @Test
    void shouldRetryFailuresOfTheStoreAloneOrTogether() {
        MongoTimeoutException timeout = new MongoTimeoutException("no server");
        MongoSocketException socket = new MongoSocketException("reset", SERVER);
        assertThat(StoreErrors.storeWide(timeout)).isTrue();
        assertThat(StoreErrors.storeWide(new CompositeException(timeout, socket))).isTrue();
        assertThat(StoreErrors.storeWide(new IllegalStateException("state should be: open")))
                .as("not understood: retried")
                .isTrue();
        assertThat(StoreErrors.storeWide(command(91))).as("shutdown in progress").isTrue();
        assertThat(StoreErrors.storeWide(command(13))).as("unauthorized").isTrue();
        assertThat(
                        StoreErrors.storeWide(
                                bulk(
                                        new BulkWriteError(
                                                10107, "not primary", new BsonDocument(), 0))))
                .isTrue();
    }

    @Test
    void shouldTreatRefusalsOfADocumentAsTheDocuments() {
        assertThat(StoreErrors.storeWide(new BsonSerializationException("NUL in a name")))
                .isFalse();
        assertThat(StoreErrors.storeWide(command(10334))).as("BSONObjectTooLarge").isFalse();
        assertThat(StoreErrors.storeWide(command(15))).as("nesting too deep").isFalse();
        assertThat(
                        StoreErrors.storeWide(
                                bulk(
                                        new BulkWriteError(11000, "dup", new BsonDocument(), 0),
                                        new BulkWriteError(52, "$ name", new BsonDocument(), 1))))
                .isFalse();
        assertThat(StoreErrors.describe(new BsonSerializationException("a\nb")))
                .isEqualTo("BsonSerializationException: a b");
    }

    private static MongoCommandException command(int code) {
        return new MongoCommandException(
                new BsonDocument("ok", new BsonInt32(0))
                        .append("code", new BsonInt32(code))
                        .append("errmsg", new BsonString("error " + code)),
                SERVER);
    }

    private static MongoBulkWriteException bulk(BulkWriteError... errors) {
        return new MongoBulkWriteException(
                BulkWriteResult.acknowledged(0, 0, 0, 0, List.of(), List.of()),
                List.of(errors),
                null,
                SERVER,
                Set.of());
    }
}
