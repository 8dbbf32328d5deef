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
 * thread's parser sits in one of {@value #SLOTS} slots chosen by the thread's id, as {@link
 * ThreadRecyclers} keeps buffers: a thread whose slot holds another's makes a parser of its own.
 *
 * <p>Only messages under {@value #LARGE_BYTES} bytes are fed (the caller's choice): the parser's
 * constraints that a large message could reach are checked by a parser made for it. A parser keeps
 * the names it has read in its symbol table (merged into the factory's when it closes, as any
 * parser's): it is given up once it has read {@value #BYTES} bytes, so that what it keeps stays
 * bounded whatever names the messages hold (at most 1.6 MB for messages of unique names, against
 * 0.8 MB kept by the factory's table with a parser per message), and after a message it could not
 * read whole (the caller reads that one again with a parser of its own, which says what is wrong
 * with it).
 */
final class FedParsers {

    static final int SLOTS = 64;

    /** The bytes a parser reads before it is replaced. */
    static final int BYTES = 64 * 1024;

    /** The size from which a message is not fed. */
    static final int LARGE_BYTES = 16 * 1024;

    /** A thread's parser; {@code messages} and {@code bytes} are only touched by the owner. */
    static final class Fed {
        final Thread owner;
        final JsonParser parser;
        final ByteArrayFeeder feeder;
        int messages;
        long bytes;

        private Fed(Thread owner, JsonParser parser) {
            this.owner = owner;
            this.parser = parser;
            this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        }
    }

    private final JsonFactory factory;
    private final Fed[] slots = new Fed[SLOTS];

    FedParsers(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * The calling thread's parser, ready for a message: nothing of an earlier one is left in it.
     */
    Fed acquire() {
        Thread thread = Thread.currentThread();
        int slot = (int) (thread.getId() & (SLOTS - 1));
        Fed fed = slots[slot];
        if (fed != null && fed.owner == thread) {
            return fed;
        }
        try {
            fed = new Fed(thread, factory.createNonBlockingByteArrayParser());
        } catch (IOException e) {
            throw new UncheckedIOException("making a parser", e);
        }
        slots[slot] = fed;
        return fed;
    }

    /**
     * After a message: keeps the parser for the next one when it read this one whole and may read
     * more, else closes it (the thread's next message gets a new one).
     */
    void release(Fed fed, boolean whole, int bytes) {
        fed.messages++;
        fed.bytes += bytes;
        if (whole && fed.bytes < BYTES) {
            return;
        }
        int slot = (int) (fed.owner.getId() & (SLOTS - 1));
        if (slots[slot] == fed) {
            slots[slot] = null;
        }
        try {
            fed.parser.close();
        } catch (IOException e) {
            // Closing an in-memory parser releases its buffers; nothing to read or write fails.
        }
    }
}
