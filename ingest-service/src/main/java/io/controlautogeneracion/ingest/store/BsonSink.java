package io.controlautogeneracion.ingest.store;

import io.controlautogeneracion.model.reading.JsonSink;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Writes a device message, as {@link io.controlautogeneracion.model.reading.ReadingParser} reads
 * it, straight to BSON as one element named {@code name} (the stored document's {@code msg_value}):
 * the bytes {@link BsonOutput#json} writes from the message's Jackson tree, without the tree. Depth
 * is bounded by the parser (33 levels with the element itself). It writes into the document being
 * built, after its first elements, so that the element is not copied into it afterwards.
 */
public final class BsonSink implements JsonSink {

    /** Open objects and arrays of a usual message; more are made room for as they come. */
    private static final int USUAL_OPEN = 8;

    private final String name;
    private final BsonOutput out;
    private final int begin;
    private int[] open = new int[USUAL_OPEN];
    private int depth;

    /** Writes the element into {@code out}, after what it holds (a document's first elements). */
    public BsonSink(String name, BsonOutput out) {
        this.name = name;
        this.out = out;
        this.begin = out.size();
    }

    /** Cuts what it wrote: the document holds its first elements again. */
    @Override
    public void restart() {
        out.truncate(begin);
        depth = 0;
    }

    @Override
    public void startObject(String field) {
        opened(out.startDocument(field == null ? name : field));
    }

    @Override
    public void endObject() {
        out.end(open[--depth]);
    }

    @Override
    public void startArray(String field) {
        opened(out.startArray(field));
    }

    private void opened(int start) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = start;
    }

    @Override
    public void endArray() {
        out.end(open[--depth]);
    }

    @Override
    public void string(String field, String value) {
        out.string(field, value);
    }

    @Override
    public void int32(String field, int value) {
        out.int32(field, value);
    }

    @Override
    public void int64(String field, long value) {
        out.int64(field, value);
    }

    @Override
    public void bigInteger(String field, BigInteger value) {
        out.bigInteger(field, value);
    }

    @Override
    public void doubleValue(String field, double value) {
        out.doubleValue(field, value);
    }

    @Override
    public void bool(String field, boolean value) {
        out.bool(field, value);
    }

    @Override
    public void nullValue(String field) {
        out.nullValue(field);
    }
}
