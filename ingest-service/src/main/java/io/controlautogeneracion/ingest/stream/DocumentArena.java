package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.store.BsonOutput;

/**
 * The output a device stream's batch writes its documents in, one after the other: each message's
 * head as it is parsed, then each document whole ({@link DocumentHead}). Kept from one batch to the
 * next, so that a document is no array of its own: the documents of the batches in flight were most
 * of what each young collection copied, and an array per message was a fifth of the bytes the
 * service allocated (ingest-service/README.md, "Benchmark"). One per device stream, used by one
 * batch at a time; an output grown larger than {@link #KEPT_BYTES} (a batch of large messages) is
 * left to the collector after its batch.
 */
final class DocumentArena {

    /** Room for a batch of 1000 usual messages: their heads and their documents. */
    static final int INITIAL_BYTES = 1024 * 1024;

    static final int KEPT_BYTES = 2 * 1024 * 1024;

    /** Messages larger than this have their document made in an output of its own. */
    static final int ALONE_BYTES = 64 * 1024;

    /** The heads a batch writes in the output it shares, at most (and one message more). */
    static final int SHARED_HEADS_BYTES = 1024 * 1024;

    private BsonOutput out;

    /**
     * Whether the message of {@code payloadBytes} after what {@code documents} holds has its
     * document made in an output of its own, as large as it needs: a large message, so that the
     * shared output does not grow for it (and hold it twice: the head, then the document), and
     * every message once the batch's heads fill the shared output's first MiB (a batch of many
     * hostile messages takes about the memory it took before).
     */
    static boolean alone(BsonOutput documents, int payloadBytes) {
        return payloadBytes > ALONE_BYTES || documents.size() >= SHARED_HEADS_BYTES;
    }

    /**
     * The output for the next batch, empty: the documents of the batch before it must have been
     * written (or given up) by then.
     */
    BsonOutput next() {
        if (out == null || out.capacity() > KEPT_BYTES) {
            out = new BsonOutput(INITIAL_BYTES);
        } else {
            out.truncate(0);
        }
        return out;
    }
}
