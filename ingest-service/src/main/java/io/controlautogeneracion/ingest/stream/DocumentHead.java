package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.store.BsonOutput;

/**
 * The first elements of a message's document, written while the message was parsed ({@link
 * IngestPipeline#parse}) into the output its batch's documents share ({@link DocumentArena}):
 * {@code _id}, {@code topic_id}, the ingest time to be stamped and {@code msg_value}, the message's
 * JSON object written straight to BSON. {@link MessageDocuments#encode} copies them to the end of
 * that output and writes the rest after them, so that {@code msg_value} is written once and no
 * array is made for a document: each encoding is a document of its own (a document already made
 * never changes under its writer). Not thread-safe: a batch's documents are made one after the
 * other.
 */
public final class DocumentHead {

    private final BsonOutput out;
    private final int start;
    private final int stampAt;
    private final int end;

    DocumentHead(BsonOutput out, int start, int stampAt, int end) {
        this.out = out;
        this.start = start;
        this.stampAt = stampAt;
        this.end = end;
    }

    /** The output the head is in, where the rest of its document is written. */
    BsonOutput output() {
        return out;
    }

    /**
     * Copies the head after what the output holds, the beginning of a document; returns where it
     * starts.
     */
    int copy() {
        return out.again(start, end);
    }

    /** Where the ingest time is in the copy that starts at {@code copy}. */
    int stampAt(int copy) {
        return copy + stampAt - start;
    }
}
