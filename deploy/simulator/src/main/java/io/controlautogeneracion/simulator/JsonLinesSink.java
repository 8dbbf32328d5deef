package io.controlautogeneracion.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes each message as one JSON line {@code {"topic":…,"key":…,"value":…}}, the value as a string
 * (a malformed one need not be JSON): the dry-run output, read back by the tests.
 */
final class JsonLinesSink implements MessageSink {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);

    JsonLinesSink(Writer out) {
        this.out = out;
    }

    @Override
    public void send(Message m) {
        line.setLength(0);
        line.append('{');
        Json.field(line, "topic");
        Json.string(line, m.topic());
        Json.field(line, "key");
        Json.string(line, m.key());
        Json.field(line, "value");
        Json.string(line, m.value());
        line.append("}\n");
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a message line", e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush the message lines", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the message lines", e);
        }
    }
}
