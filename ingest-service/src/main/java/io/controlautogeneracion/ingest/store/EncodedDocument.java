package io.controlautogeneracion.ingest.store;

import java.time.Instant;
import org.bson.RawBsonDocument;

/**
 * A document encoded once, sent as it is at every write attempt: only its ingest time changes,
 * written in place over the 8 bytes of its date (the document's {@code _id} stays, so that a
 * document sent again is a duplicate, never a second copy).
 */
public final class EncodedDocument {

    private final byte[] bytes;
    private final int offset;
    private final int size;
    private final int stampAt;

    EncodedDocument(byte[] bytes, int offset, int size, int stampAt) {
        this.bytes = bytes;
        this.offset = offset;
        this.size = size;
        this.stampAt = stampAt;
    }

    /** Sets the ingest time (milliseconds), before each write attempt. */
    public void stamp(Instant ingestTime) {
        BsonOutput.patch(bytes, stampAt, ingestTime.toEpochMilli());
    }

    /** The array that holds the document, from {@link #offset}. */
    byte[] bytes() {
        return bytes;
    }

    /** Where the document starts in {@link #bytes}. */
    int offset() {
        return offset;
    }

    /** The document's length in bytes. */
    int size() {
        return size;
    }

    /** The document, to be read (sharing these bytes). */
    public RawBsonDocument document() {
        return new RawBsonDocument(bytes, offset, size);
    }
}
