package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map.Entry;

/**
 * A unique index of a {@link DiskCollection}: one key per entry (the index's prefix and the BSON of
 * the normalized key values) whose value is the document's position. Reads go to the store; writes
 * join the collection's pending batch, written with the document.
 */
final class DiskUniqueIndex extends AbstractUniqueIndex<Long> {
    private final DiskBackend store;
    private final byte[] prefix;
    private final Pending pending;

    DiskUniqueIndex(
            DiskBackend store,
            long collectionId,
            String name,
            List<IndexKey> keys,
            boolean sparse) {
        super(name, keys, sparse);
        this.store = store;
        this.prefix = Keys.indexPrefix(collectionId, name);
        this.pending = store.pending(collectionId);
    }

    private byte[] key(KeyValue keyValue) {
        return Keys.concat(prefix, Bson.encodeKey(keyValue));
    }

    @Override
    protected Long removeDocument(KeyValue keyValue) {
        byte[] key = key(keyValue);
        byte[] position = store.get(pending, key);
        if (position == null) {
            return null;
        }
        pending.delete(key);
        return Keys.longOf(position);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Long position) {
        byte[] key = key(keyValue);
        if (!pending.knownAbsent(key) && store.get(pending, key) != null) {
            return false;
        }
        pending.put(key, Keys.longBytes(position));
        return true;
    }

    @Override
    protected Long getPosition(KeyValue keyValue) {
        byte[] key = key(keyValue);
        if (pending.knownAbsent(key)) {
            return null;
        }
        byte[] position = store.get(pending, key);
        if (position == null) {
            pending.foundAbsent(key);
        }
        return position == null ? null : Keys.longOf(position);
    }

    @Override
    protected Iterable<Entry<KeyValue, Long>> getIterable() {
        List<Entry<KeyValue, Long>> entries = new ArrayList<>();
        store.scan(
                prefix,
                (key, value) -> {
                    entries.add(
                            new SimpleEntry<>(
                                    Bson.decodeKey(key, prefix.length), Keys.longOf(value)));
                    return true;
                });
        return entries;
    }

    @Override
    public long getCount() {
        return store.count(prefix);
    }

    @Override
    public boolean isEmpty() {
        return store.none(prefix);
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        store.deletePrefix(prefix);
    }
}
