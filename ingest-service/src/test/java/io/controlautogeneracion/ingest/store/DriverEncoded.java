package io.controlautogeneracion.ingest.store;

import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/** The stores' tests' documents: any {@link Document}, encoded by the driver's codec. */
final class DriverEncoded {

    private DriverEncoded() {}

    /** {@code document} as the inserts take it; it has no ingest time to stamp. */
    static EncodedDocument of(Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        new DocumentCodec()
                .encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().build());
        byte[] bytes = buffer.toByteArray();
        return new EncodedDocument(bytes, 0, bytes.length, -1);
    }
}
