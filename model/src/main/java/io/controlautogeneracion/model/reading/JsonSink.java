package io.controlautogeneracion.model.reading;

import java.math.BigInteger;

/**
 * Receives a device message's JSON object while {@link ReadingParser} reads it, value by value in
 * the order of the text, so that a caller can write the message in its own form (ingest-service
 * writes BSON) without a tree in between. Every value comes with its name: a field's name, or its
 * index in the enclosing array ("0", "1", …); the message itself comes as an object named null.
 * Numbers come as JSON text reads them: integers as int, long or (beyond a long) BigInteger,
 * decimals as double.
 */
public interface JsonSink {

    /**
     * Forgets what it was given: the message comes again from its start (the parser read it again
     * another way).
     */
    void restart();

    void startObject(String name);

    void endObject();

    void startArray(String name);

    void endArray();

    void string(String name, String value);

    void int32(String name, int value);

    void int64(String name, long value);

    void bigInteger(String name, BigInteger value);

    void doubleValue(String name, double value);

    void bool(String name, boolean value);

    void nullValue(String name);
}
