package io.controlautogeneracion.simulator;

/** Where the messages go: Kafka, or JSON lines for a dry run. */
interface MessageSink extends AutoCloseable {

    void send(Message message);

    /** Blocks until everything sent so far is delivered (or written). */
    void flush();

    /** Messages that could not be delivered so far. */
    default long failures() {
        return 0;
    }

    @Override
    void close();
}
