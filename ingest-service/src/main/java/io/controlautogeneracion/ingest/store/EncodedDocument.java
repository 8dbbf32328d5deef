package io.controlautogeneracion.ingest.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.bson.RawBsonDocument;

/**
 * A document encoded once, sent as it is at every write attempt: only its ingest time changes,
 * written in place over the 8 bytes of its date (the document's {@code _id} stays, so that a
 * document sent again is a duplicate, never a second copy).
 */
public final class EncodedDocument {

    private final byte[] bytes;
    private final int size;
    private final int stampAt;

    EncodedDocument(byte[] bytes, int size, int stampAt) {
        this.bytes = bytes;
        this.size = size;
        this.stampAt = stampAt;
    }

    /** Sets the ingest time (milliseconds), before each write attempt. */
    public void stamp(Instant ingestTime) {
        if (stampAt < 0) {
            throw new IllegalStateException("this document has no ingest time to stamp");
        }
        BsonOutput.patch(bytes, stampAt, ingestTime.toEpochMilli());
    }

    /**
     * A document encoded elsewhere (by the driver's codec), sent as it is: it has no ingest time to
     * stamp.
     */
    static EncodedDocument of(RawBsonDocument document) {
        ByteBuffer bytes = document.getByteBuffer().asNIO();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return new EncodedDocument(copy, copy.length, -1);
    }

    /** The array that holds the document from its start. */
    byte[] bytes() {
        return bytes;
    }

    /** The document's length in bytes. */
    int size() {
        return size;
    }

    /** The document as the driver sends it (sharing these bytes). */
    public RawBsonDocument document() {
        return new RawBsonDocument(bytes, 0, size);
    }
}
