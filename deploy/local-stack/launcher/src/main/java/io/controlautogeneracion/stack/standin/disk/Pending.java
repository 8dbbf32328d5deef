package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.exception.MongoServerException;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatchWithIndex;

/**
 * The writes of the change under way on one collection (its documents and its index entries),
 * written together when the change ends. The thread making the change reads through them (an insert
 * of many documents sees the index entries of the ones before it); every other thread reads what is
 * written.
 */
final class Pending {
    final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
    private volatile Thread writer;

    /**
     * Keys the writer found absent during this change and has not written since: the unique index
     * checks a key up to three times per document (mongo-java-server checks before the insert,
     * again when adding, and once more when putting), one look-up is enough. Only the writer uses
     * it, and nobody else writes while it holds the collection.
     */
    private final java.util.Set<java.nio.ByteBuffer> absent = new java.util.HashSet<>();

    void begin() {
        writer = Thread.currentThread();
        absent.clear();
    }

    void end() {
        absent.clear();
        writer = null;
    }

    boolean knownAbsent(byte[] key) {
        return mine() && absent.contains(java.nio.ByteBuffer.wrap(key));
    }

    void foundAbsent(byte[] key) {
        if (mine()) {
            absent.add(java.nio.ByteBuffer.wrap(key));
        }
    }

    boolean mine() {
        return writer == Thread.currentThread();
    }

    void put(byte[] key, byte[] value) {
        absent.remove(java.nio.ByteBuffer.wrap(key));
        try {
            batch.put(key, value);
        } catch (RocksDBException e) {
            throw new MongoServerException("the stand-in's store failed to write: " + e, e);
        }
    }

    void delete(byte[] key) {
        try {
            batch.delete(key);
        } catch (RocksDBException e) {
            throw new MongoServerException("the stand-in's store failed to write: " + e, e);
        }
    }

    int count() {
        return batch.count();
    }
}
