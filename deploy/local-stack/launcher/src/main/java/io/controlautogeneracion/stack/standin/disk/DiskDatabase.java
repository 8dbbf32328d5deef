package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;

/** A database of the {@link DiskBackend}. */
final class DiskDatabase extends AbstractSynchronizedMongoDatabase<Long> {
    private final DiskBackend store;

    DiskDatabase(String databaseName, DiskBackend store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Long> openOrCreateCollection(
            String collectionName, CollectionOptions options) {
        long id = store.collectionId(getFullCollectionNamespace(collectionName));
        return new DiskCollection(this, collectionName, options, cursorRegistry, store, id);
    }

    @Override
    protected Index<Long> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        long id = store.collectionId(getFullCollectionNamespace(collectionName));
        return new DiskUniqueIndex(store, id, indexName, keys, sparse);
    }

    @Override
    protected Index<Long> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        long id = store.collectionId(getFullCollectionNamespace(collectionName));
        return new DiskSecondaryIndex(store, id, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Long> collection, String indexName) {
        super.dropIndex(collection, indexName);
        long id = store.collectionId(collection.getFullName());
        store.deletePrefix(Keys.indexPrefix(id, indexName));
        store.deletePrefix(Keys.secondaryPrefix(id, indexName));
        store.deletePrefix(Keys.buildingMarker(id, indexName));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        store.forgetCollection(getFullCollectionNamespace(collectionName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        store.forgetDatabase(getDatabaseName());
    }

    @Override
    public void moveCollection(
            MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldNamespace = collection.getFullName();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        store.renameCollection(oldNamespace, getFullCollectionNamespace(newCollectionName));
    }

    @Override
    protected long getStorageSize() {
        return store.sizeOnDisk();
    }

    @Override
    protected long getFileSize() {
        return store.sizeOnDisk();
    }
}
