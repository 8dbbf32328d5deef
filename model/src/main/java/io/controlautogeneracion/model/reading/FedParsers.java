package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One parser per thread that reads message after message: Jackson's non-blocking parser, fed each
 * message's bytes in turn, instead of a parser made and closed for each (its context, symbol table,
 * buffers and the detection of the text's encoding: about a sixth of the bytes a device stream
 * allocated per message, and the parser's making a tenth of the time it took to read one). A
 * thread's parser sits in a {@link ThreadSlots}, as {@link ThreadRecyclers} keeps buffers.
 *
 * <p>Only messages under {@value #LARGE_BYTES} bytes are fed: the parser's constraints that a large
 * message could reach are checked by a parser made for it. A parser keeps the names it has read in
 * its symbol table (merged into the factory's when it closes, as any parser's): it is given up once
 * it has read {@value #BYTES} bytes, so that what it keeps stays bounded whatever names the
 * messages hold (at most 1.6 MB for messages of unique names, against 0.8 MB kept by the factory's
 * table with a parser per message), and after a message it could not read whole (the caller reads
 * that one again with a parser of its own, which says what is wrong with it).
 */
final class FedParsers {

    /** The bytes a parser reads before it is replaced. */
    static final int BYTES = 64 * 1024;

    /** The size from which a message is not fed. */
    static final int LARGE_BYTES = 16 * 1024;

    /** A thread's parser; only its thread touches {@code messages} and {@code bytes}. */
    static final class Fed {
        final JsonParser parser;
        final ByteArrayFeeder feeder;
        int messages;
        long bytes;

        private Fed(JsonParser parser) {
            this.parser = parser;
            this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        }
    }

    private final JsonFactory factory;
    private final ThreadSlots<Fed> slots = new ThreadSlots<>();

    FedParsers(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * The message read by the thread's parser, fed with its text up to its last character that is
     * not whitespace; null when that is no object's closing brace, when the message has {@link
     * #LARGE_BYTES} or more, or when the parser could not read it as one JSON object ending there:
     * the caller reads it with a parser of its own.
     */
    MessageReader.Read read(byte[] payload, JsonSink sink, boolean escapes) {
        int end = payload.length;
        while (end > 0 && isWhitespace(payload[end - 1])) {
            end--;
        }
        if (end == 0 || end >= LARGE_BYTES || payload[end - 1] != '}') {
            return null;
        }
        Fed fed = acquire();
        MessageReader.Read read = null;
        try {
            fed.feeder.feedInput(payload, 0, end);
            read = MessageReader.readFed(fed.parser, fed.feeder, sink, escapes);
        } catch (IOException | RuntimeException e) {
            // Read again by the caller, whose parser reports it.
        } finally {
            release(fed, read != null, end);
        }
        return read;
    }

    /** JSON's whitespace. */
    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /**
     * The calling thread's parser, ready for a message: nothing of an earlier one is left in it.
     */
    Fed acquire() {
        Fed fed = slots.get();
        if (fed != null) {
            return fed;
        }
        try {
            fed = new Fed(factory.createNonBlockingByteArrayParser());
        } catch (IOException e) {
            throw new UncheckedIOException("making a parser", e);
        }
        slots.put(fed);
        return fed;
    }

    /**
     * After a message: keeps the parser for the next one when it read this one whole and may read
     * more, else closes it (the thread's next message gets a new one).
     */
    private void release(Fed fed, boolean whole, int bytes) {
        fed.messages++;
        fed.bytes += bytes;
        if (whole && fed.bytes < BYTES) {
            return;
        }
        slots.remove(fed);
        try {
            fed.parser.close();
        } catch (IOException e) {
            // Closing an in-memory parser releases its buffers; nothing to read or write fails.
        }
    }
}
