package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.store.BsonOutput;

/**
 * The first elements of a message's document, written while the message was parsed ({@link
 * IngestPipeline#parse}): {@code _id}, {@code topic_id}, the ingest time to be stamped and {@code
 * msg_value}, the message's JSON object written straight to BSON. {@link MessageDocuments#encode}
 * writes the rest after them in the same bytes, so that {@code msg_value} is written once and never
 * copied. A message encoded again (its enriched copy shares this head) gets a copy of the head: a
 * document already made never changes under its writer. Not thread-safe: a batch's documents are
 * made on one thread.
 */
public final class DocumentHead {

    private final BsonOutput out;
    private final int stampAt;
    private final int end;
    private boolean taken;

    DocumentHead(BsonOutput out, int stampAt, int end) {
        this.out = out;
        this.stampAt = stampAt;
        this.end = end;
    }

    /** Where the ingest time is, for {@link BsonOutput#encoded}. */
    int stampAt() {
        return stampAt;
    }

    /** The output to write the rest of the document in, holding the head and nothing after it. */
    BsonOutput take() {
        if (!taken) {
            taken = true;
            out.truncate(end);
            return out;
        }
        return out.copyOf(end);
    }
}
