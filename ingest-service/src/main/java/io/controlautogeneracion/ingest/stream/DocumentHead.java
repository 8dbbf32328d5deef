package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.store.BsonOutput;

/**
 * The first elements of a message's document, written while the message was parsed ({@link
 * IngestPipeline#parse}): {@code _id}, {@code topic_id}, the ingest time to be stamped and {@code
 * msg_value}, the message's JSON object written straight to BSON. {@link MessageDocuments#encode}
 * writes the rest of the document after a copy of them at the end of the output they are in, the
 * one their batch's documents share ({@link DocumentArena}), so that {@code msg_value} is written
 * once and no array is made for a document. A large message's head is in an output of its own
 * instead: its first document is written after it in place, a later one after a copy in an output
 * of its own. Either way each encoding is a document of its own (a document already made never
 * changes under its writer). Not thread-safe: a batch's documents are made one after the other.
 */
public final class DocumentHead {

    private final BsonOutput out;
    private final int start;
    private final int stampAt;
    private final int end;
    private final boolean alone;
    private boolean taken;
    private int copy;

    /**
     * The head written from {@code start} to {@code end} of {@code out}, its ingest time at {@code
     * stampAt}; {@code alone} when the output holds this head only (from 0).
     */
    DocumentHead(BsonOutput out, int start, int stampAt, int end, boolean alone) {
        if (alone && start != 0) {
            throw new IllegalArgumentException("a head alone begins its output");
        }
        this.out = out;
        this.start = start;
        this.stampAt = stampAt;
        this.end = end;
        this.alone = alone;
    }

    /**
     * The output to write the rest of a document in, ending with a copy of the head, which {@link
     * #start} says where begins.
     */
    BsonOutput begin() {
        if (!alone) {
            copy = out.again(start, end);
            return out;
        }
        copy = 0;
        if (!taken) {
            taken = true;
            out.truncate(end);
            return out;
        }
        return out.copyOf(end);
    }

    /** Where the copy of the head that {@link #begin} made starts. */
    int start() {
        return copy;
    }

    /** Where the ingest time is in that copy. */
    int stampAt() {
        return copy + stampAt - start;
    }
}
