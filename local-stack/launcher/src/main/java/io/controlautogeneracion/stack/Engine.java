package io.controlautogeneracion.stack;

/** What a user or a test can ask the local stack for. */
public enum Engine {
    /** A Kafka 4.1 KRaft broker. */
    KAFKA,
    /**
     * ZooKeeper and the four Druid 33 services (coordinator-overlord, historical, indexer, broker).
     */
    DRUID,
    /** The MongoDB stand-in. */
    MONGODB,
    /** The Couchbase stand-in with the catalog bucket. */
    COUCHBASE
}
